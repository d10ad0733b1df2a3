package deal

import (
	"fmt"
	"strings"

	"github.com/dealtrack/dealtrack/internal/suggest"
)

// Party is one entry of the party registry.
type Party struct {
	Name    string
	Aliases []string
	Kind    string
	Ticker  string
	Sector  string
	Country string // ISO 3166-1 alpha-2: where it is based
}

// PartyKinds lists the kinds a party may have.
var PartyKinds = []string{"company", "fund", "government", "person"}

// Sectors lists the sectors a party may be in.
var Sectors = []string{
	"ai-lab",      // builds AI models: OpenAI, Anthropic, xAI
	"hyperscaler", // runs a global cloud: Amazon, Microsoft, Google, Oracle, Meta
	"neocloud",    // rents GPU capacity: CoreWeave, Nebius, Nscale, Lambda
	"chipmaker",   // designs or makes chips and memory: NVIDIA, AMD, TSMC, SK Hynix
	"hardware",    // servers, networking and equipment: Cisco, Foxconn, Dell
	"data-centre", // develops or operates data centres: Crusoe, Vantage, Aligned
	"energy",      // produces power: nuclear, gas, fuel cells, renewables
	"utility",     // a regulated utility
	"investor",    // funds, venture capital, private equity, sovereign wealth
	"bank",        // lends
	"government",  // a state or a public agency
	"telecom",     // a telecommunications operator
	"other",
}

// Registry maps party names and aliases, case-insensitively, to canonical
// names.
type Registry struct {
	Parties []Party
	index   map[string]int // lower-case name or alias -> index in Parties
}

// Add adds p, or says which of its names another party already has.
func (r *Registry) Add(p Party) error {
	if r.index == nil {
		r.index = map[string]int{}
	}
	var taken []string
	at := len(r.Parties)
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if i, dup := r.index[strings.ToLower(n)]; dup && i != at && r.Parties[i].Name != p.Name {
			taken = append(taken, fmt.Sprintf("%q is already a name or alias of %s", n, r.Parties[i].Name))
			continue
		}
		r.index[strings.ToLower(n)] = at
	}
	r.Parties = append(r.Parties, p)
	if taken != nil {
		return fmt.Errorf("%s", strings.Join(taken, "; "))
	}
	return nil
}

// Canonical returns the canonical name for name or one of its aliases.
func (r *Registry) Canonical(name string) (string, bool) {
	if p := r.Party(name); p != nil {
		return p.Name, true
	}
	return name, false
}

// Party returns the entry for a name or alias, or nil.
func (r *Registry) Party(name string) *Party {
	if r == nil {
		return nil
	}
	if i, ok := r.index[strings.ToLower(name)]; ok {
		return &r.Parties[i]
	}
	return nil
}

// Names lists every canonical name and alias.
func (r *Registry) Names() []string {
	var names []string
	for _, p := range r.Parties {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	return names
}

// Suggest returns the canonical name nearest to name, or "".
func (r *Registry) Suggest(name string) string {
	if r == nil {
		return ""
	}
	c, _ := r.Canonical(suggest.Nearest(name, r.Names()))
	return c
}
