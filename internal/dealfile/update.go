package dealfile

import (
	"errors"
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// AddUpdate returns data, the file of deal d, with update u appended and
// the top-level fields brought to the deal after it, in canonical form,
// comments kept; and the deal the new file must hold. When u is the first
// update to set a field that d already states (or a status other than
// announced), the value as announced is recorded first, in an update dated
// the announcement, so that the deal on any earlier date stays exact.
func AddUpdate(data []byte, d *deal.Deal, u deal.Update) (out []byte, want *deal.Deal, err error) {
	defer catch(&err)
	if len(u.Sets()) == 0 && u.Note == "" && len(u.Sources) == 0 {
		return nil, nil, errors.New("an update says what changed: a status, a figure, superseded_by, a note or a source")
	}
	if n := len(d.Updates); n > 0 && u.Date.First() < d.Updates[n-1].Date.First() {
		return nil, nil, fmt.Errorf("%s is before the deal's last update (%s); updates go oldest first", u.Date, d.Updates[n-1].Date)
	}
	first := firstValues(d, u)
	want = expected(d, first, u)
	if errs := want.Validate(); len(errs) > 0 {
		return nil, nil, errors.New(errs[0].Error())
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, errors.New("the file is not one mapping of keys")
	}
	m := doc.Content[0]
	for _, f := range dealFields {
		if slices.Contains(u.Sets(), f.key) {
			setKey(m, f.key, f.encode(want))
		}
	}
	list := valueOf(m, "updates")
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		setKey(m, "updates", list)
	}
	if list.Kind != yaml.SequenceNode {
		return nil, nil, errors.New("updates is not a list")
	}
	if len(first.Sets()) > 0 {
		if len(d.Updates) > 0 && d.Updates[0].Date == d.Announced && list.Content[0].Kind == yaml.MappingNode {
			for _, f := range updateFields {
				if slices.Contains(first.Sets(), f.key) {
					setKey(list.Content[0], f.key, f.encode(&first))
				}
			}
		} else {
			list.Content = append([]*yaml.Node{encodeFields(&first, updateFields)}, list.Content...)
		}
	}
	list.Content = append(list.Content, encodeFields(&u, updateFields))
	encoded, err := encode(&doc)
	if err != nil {
		return nil, nil, err
	}
	out, err = Canonical(encoded)
	return out, want, err
}

// firstValues is the update that records, at the announcement, the values
// of the fields u is the first update to set, where d states them.
func firstValues(d *deal.Deal, u deal.Update) deal.Update {
	_, set := d.Latest()
	first := deal.Update{Date: d.Announced}
	had := func(key string) bool { _, ok := set[key]; return !ok && slices.Contains(u.Sets(), key) }
	if had("status") && d.Status != "announced" {
		first.Status = d.Status
	}
	if had("dollars") && d.Dollars.Q != deal.None {
		first.Dollars = d.Dollars
	}
	if had("amount") && d.Amount.Q != deal.None {
		first.Amount = d.Amount
	}
	if had("gigawatts") && d.Power.Q != deal.None {
		first.Power = d.Power
	}
	return first
}

// expected is d with the first values recorded and u applied.
func expected(d *deal.Deal, first, u deal.Update) *deal.Deal {
	w := *d
	w.Updates = slices.Clone(d.Updates)
	if len(first.Sets()) > 0 {
		if len(w.Updates) > 0 && w.Updates[0].Date == d.Announced {
			w.Updates[0].Apply(first)
		} else {
			w.Updates = append([]deal.Update{first}, w.Updates...)
		}
	}
	w.Updates = append(w.Updates, u)
	var now deal.Update
	now.Apply(u)
	if u.Status != "" {
		w.Status = now.Status
	}
	if u.Dollars.Q != deal.None {
		w.Dollars = now.Dollars
	}
	if u.Amount.Q != deal.None {
		w.Amount = now.Amount
	}
	if u.Power.Q != deal.None {
		w.Power = now.Power
	}
	if u.SupersededBy != "" {
		w.SupersededBy = now.SupersededBy
	}
	return &w
}

// setKey sets key of mapping m to v, in place when m has the key, else at
// its end (fmt then puts it in its place).
func setKey(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v.LineComment, v.HeadComment, v.FootComment = m.Content[i+1].LineComment, m.Content[i+1].HeadComment, m.Content[i+1].FootComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}
