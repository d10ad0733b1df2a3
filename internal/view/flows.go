package view

import (
	"fmt"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Flows is flows' report: a row per party with what it pays, receives
// and gets back from those it pays, at bound.
func Flows(rows []report.PartyFlows, bound deal.Bound) render.Report { return flows{rows, bound} }

type flows struct {
	rows  []report.PartyFlows
	bound deal.Bound
}

func (f flows) Table() *render.Table { return flowsTable(f.rows) }
func (f flows) Record() any          { return directionRecords(f.rows, f.bound) }

func flowsTable(rows []report.PartyFlows) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "party"}, {Key: "pays", Right: true}, {Key: "receives", Right: true},
		{Key: "net", Right: true}, {Key: "back", Right: true}, {Key: "undisclosed_paid", Right: true}, {Key: "undisclosed_received", Right: true}}}
	for _, p := range rows {
		t.Rows = append(t.Rows, []render.Cell{render.Str(p.Name), flowCell(p.PaidOut), flowCell(p.Received),
			netCell(p), flowCell(p.Back), dealCount(p.PaidOut.Undisclosed), dealCount(p.Received.Undisclosed)})
	}
	return t
}

// flowCell is a sum of flows; when no flow has a figure, "undisclosed" or
// "–" (no flow) for people and empty for scripts, never 0.
func flowCell(s report.FlowSum) render.Cell {
	switch {
	case !s.Known && s.Undisclosed > 0:
		return render.Cell{Text: "undisclosed"}
	case !s.Known:
		return render.Cell{Text: "–"}
	}
	return render.Cell{Text: s.Human(), Plain: fmt.Sprint(s.USD)}
}

func netCell(p report.PartyFlows) render.Cell {
	v, ok := net(p)
	if !ok {
		return render.Cell{Text: "–"}
	}
	text := deal.FormatDollars(max(v, -v), false)
	if v < 0 {
		text = "−" + text
	}
	return render.Cell{Text: text, Plain: fmt.Sprint(v)}
}

// net is what p receives minus what it pays, over the flows with figures.
func net(p report.PartyFlows) (int64, bool) {
	return p.Received.USD - p.PaidOut.USD, p.Received.Known || p.PaidOut.Known
}

// directionRecord is a party's money by direction in json and yaml. Keys are a
// contract: never rename one; add new ones.
type directionRecord struct {
	Party               string `json:"party" yaml:"party"`
	Bound               string `json:"bound" yaml:"bound"`
	PaidUSD             *int64 `json:"paid_usd" yaml:"paid_usd"`
	ReceivedUSD         *int64 `json:"received_usd" yaml:"received_usd"`
	NetUSD              *int64 `json:"net_usd" yaml:"net_usd"`
	BackUSD             *int64 `json:"back_usd" yaml:"back_usd"`
	UndisclosedPaid     int    `json:"undisclosed_paid" yaml:"undisclosed_paid"`
	UndisclosedReceived int    `json:"undisclosed_received" yaml:"undisclosed_received"`
}

func directionRecords(rows []report.PartyFlows, b deal.Bound) []directionRecord {
	out := make([]directionRecord, len(rows))
	for i, p := range rows {
		n, ok := net(p)
		out[i] = directionRecord{Party: p.Name, Bound: b.String(),
			PaidUSD: optInt(p.PaidOut.USD, p.PaidOut.Known), ReceivedUSD: optInt(p.Received.USD, p.Received.Known),
			NetUSD: optInt(n, ok), BackUSD: optInt(p.Back.USD, p.Back.Known),
			UndisclosedPaid: p.PaidOut.Undisclosed, UndisclosedReceived: p.Received.Undisclosed}
	}
	return out
}
