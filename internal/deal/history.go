package deal

// The top-level fields of a deal are the deal after its last update. The
// deal on an earlier date is recovered by replaying its updates:
//
//   - an event (the announcement or an update) counts on date D when it
//     starts on or before D; a month-only event counts from the first day
//     of its month, so on any day of that month it is shown as of it;
//   - a field no update sets (title, parties, horizon, ...) is the same on
//     every date;
//   - a field some update sets (status, dollars, amount, gigawatts,
//     superseded_by) has, on date D, the value of the last update that sets
//     it and counts on D; before the first such update, a figure was not
//     yet stated and the status was announced.
//
// So a figure that changed after the announcement is written twice: in an
// update dated the announcement, with the first value, and in the update
// that changed it.

// AsOf returns the deal as it stood on date, or nil when it was announced
// after date. d itself is returned when no update comes after date.
func (d *Deal) AsOf(date Date) *Deal {
	if !On(d.Announced, date) {
		return nil
	}
	n := 0
	for n < len(d.Updates) && On(d.Updates[n].Date, date) {
		n++
	}
	if n == len(d.Updates) {
		return d
	}
	old := *d
	old.Updates = d.Updates[:n:n]
	_, sets := d.Latest()
	var past Update
	for _, u := range old.Updates {
		past.Apply(u)
	}
	if _, ok := sets["status"]; ok {
		old.Status = "announced"
		if past.Status != "" {
			old.Status = past.Status
		}
	}
	if _, ok := sets["dollars"]; ok {
		old.Dollars = past.Dollars
	}
	if _, ok := sets["amount"]; ok {
		old.Amount = past.Amount
	}
	if _, ok := sets["gigawatts"]; ok {
		old.Power = past.Power
	}
	if _, ok := sets["superseded_by"]; ok {
		old.SupersededBy = past.SupersededBy
	}
	return &old
}

// Apply copies into acc each field that update u sets.
func (acc *Update) Apply(u Update) {
	if u.Status != "" {
		acc.Status = u.Status
	}
	if u.Dollars.Q != None {
		acc.Dollars = u.Dollars
	}
	if u.Amount.Q != None {
		acc.Amount = u.Amount
	}
	if u.Power.Q != None {
		acc.Power = u.Power
	}
	if u.SupersededBy != "" {
		acc.SupersededBy = u.SupersededBy
	}
}

// On reports whether an event dated e had happened on date: it starts on
// or before date ends.
func On(e, date Date) bool { return e.First() <= date.Last() }

// Latest returns, for each field the updates set, the value of the last
// update that sets it, and which update that is (-1 when none does).
func (d *Deal) Latest() (Update, map[string]int) {
	var acc Update
	at := map[string]int{}
	for i, u := range d.Updates {
		acc.Apply(u)
		for _, f := range u.Sets() {
			at[f] = i
		}
	}
	return acc, at
}

// Sets names the fields u sets, as file keys.
func (u Update) Sets() []string {
	var out []string
	for _, f := range []struct {
		key string
		set bool
	}{
		{"status", u.Status != ""}, {"dollars", u.Dollars.Q != None}, {"amount", u.Amount.Q != None},
		{"gigawatts", u.Power.Q != None}, {"superseded_by", u.SupersededBy != ""},
	} {
		if f.set {
			out = append(out, f.key)
		}
	}
	return out
}
