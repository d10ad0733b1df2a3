package query

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Where is a compiled --where expression: a condition over the Fields of
// one deal. It is type-checked when compiled, before any deal is read. It
// runs one deal at a time (it keeps one machine to run on, and counts
// failures): one goroutine uses it.
type Where struct {
	src     string
	prog    *vm.Program
	uses    []Field  // the fields it names; a deal's env holds only those
	vm      vm.VM    // runs prog, deal after deal
	parties []string // the names tested by "NAME" in parties
	failed  int      // deals on which it failed at run time
	first   error    // the first such failure
}

// ExprError is a mistake in an expression, and where it stands.
type ExprError struct {
	Expr   string
	Line   int // 1-based
	Column int // 0-based, in characters
	Msg    string
}

// Error writes the message, then the line of the expression with a caret
// under the fault.
func (e *ExprError) Error() string {
	lines := strings.Split(strings.ReplaceAll(e.Expr, "\t", " "), "\n")
	line := lines[min(max(e.Line, 1), len(lines))-1]
	return fmt.Sprintf("%s\n  %s\n  %s^", e.Msg, line, strings.Repeat(" ", e.Column))
}

// CompileWhere compiles src. Unknown names, wrong types and a result that
// is not true or false are errors here, with their place in src.
func CompileWhere(src string) (*Where, error) {
	w := &Where{src: src}
	if len(src) > MaxWhereLen {
		return nil, fmt.Errorf("the expression is %d bytes; at most %d", len(src), MaxWhereLen)
	}
	p := &patcher{}
	prog, err := expr.Compile(src,
		expr.Env(checkEnv()),
		expr.AsBool(),
		expr.Function("date", parseDate, new(func(string) time.Time)),
		// A builtin whose work a short expression can blow past any memory:
		// repeat(repeat("x", 1e6), 1e6). (reduce is refused by the patcher.)
		expr.DisableBuiltin("repeat"),
		expr.Patch(p),
	)
	if err == nil {
		err = p.err
	}

	if err != nil {
		return nil, w.exprError(err)
	}
	w.prog, w.parties = prog, p.parties
	every := p.names["$env"] // $env["usd"] may name any field
	for _, f := range Fields {
		if every || slices.ContainsFunc(f.Names(), func(n string) bool { return p.names[n] }) {
			w.uses = append(w.uses, f)
		}
	}
	return w, nil
}

// Match reports whether d satisfies w. A deal on which w fails at run
// time (say, an index out of range) does not match; Err tells about it.
func (w *Where) Match(d *deal.Deal) bool {
	out, err := w.vm.Run(w.prog, env(d, w.uses))
	if err != nil {
		if w.failed++; w.first == nil {
			w.first = fmt.Errorf("on %s: %w", d.ID, w.exprError(err))
		}
		return false
	}
	ok, _ := out.(bool)
	return ok
}

// Err says on how many deals w failed at run time, and why the first
// time; nil when it never failed.
func (w *Where) Err() error {
	if w.failed == 0 {
		return nil
	}
	deals := "deals, which count"
	if w.failed == 1 {
		deals = "deal, which counts"
	}
	return fmt.Errorf("failed on %d %s as not matching; %w", w.failed, deals, w.first)
}

// Parties lists the party names w tests with `"NAME" in parties`, so that
// they can be checked against the registry.
func (w *Where) Parties() []string { return w.parties }

func (w *Where) exprError(err error) *ExprError {
	e := &ExprError{Expr: w.src, Line: 1, Msg: err.Error()}
	var fe *file.Error
	if errors.As(err, &fe) {
		if fe.Line == 0 {
			fe = fe.Bind(file.NewSource(w.src))
		}
		e.Line, e.Column, e.Msg = fe.Line, fe.Column, fe.Message
	}
	e.Msg = explain(e.Msg)
	return e
}

// explain adds to expr's messages what the reader needs to mend them.
func explain(msg string) string {
	switch {
	case strings.HasPrefix(msg, "unknown name "):
		return msg + " (fields: " + strings.Join(FieldNames(), ", ") + ")"
	case strings.HasPrefix(msg, "expected bool, but got "):
		return "the expression gives " + strings.TrimPrefix(msg, "expected bool, but got ") + ", not true or false (compare it: usd >= 10e9)"
	case strings.Contains(msg, "mismatched types time.Time and string"), strings.Contains(msg, "mismatched types string and time.Time"):
		return `a date is compared with a string: write the date as date("2025-06-01")`
	case strings.Contains(msg, "mismatched types"):
		return strings.NewReplacer("time.Time", "date", "*int64", "dollars", "*float64", "gigawatts", "[]string", "list", "*string", "text").Replace(msg)
	}
	return msg
}

// checkEnv tells the checker every field's name and type.
func checkEnv() map[string]any {
	env := map[string]any{}
	for _, f := range Fields {
		for _, n := range f.Names() {
			env[n] = f.Type.proto
		}
	}
	return env
}

// env is what an expression naming fields sees of d.
func env(d *deal.Deal, fields []Field) map[string]any {
	env := make(map[string]any, len(fields)+1)
	for _, f := range fields {
		v := f.value(d)
		for _, n := range f.Names() {
			env[n] = v
		}
	}
	return env
}

// parseDate is the expression function date("2025-06-01"): a day, a month
// (its first day) or a year (its first day), comparable with announced.
func parseDate(args ...any) (any, error) {
	s, _ := args[0].(string)
	d, err := deal.ParseDateBound(s)
	if err != nil {
		return nil, fmt.Errorf("date(%q): %v", s, err)
	}
	return announced(d), nil
}

// patcher rewrites an expression before it is checked: comparisons with an
// unknown figure (nil) are false and sums with one are nil, rather than
// errors; date("...") of a literal is read once, and a bad one is an error
// at its place.
type patcher struct {
	err     error
	guards  int // operators guarded against nil operands: each doubles the code under it
	parties []string
	names   map[string]bool // every name the expression uses
}

// guard guards node against nil operands, up to maxGuards of them; past
// that the expression is refused before its code, which each guard
// doubles, is built.
func (p *patcher) guard(node *ast.Node, result ast.Node, operands ...ast.Node) {
	if p.guards >= maxGuards {
		if p.err == nil {
			p.err = fmt.Errorf("more than %d operators on figures that may be unknown (usd, gw...) in one expression; split it with and", maxGuards)
		}
		return
	}
	if guardNil(node, result, operands...) {
		p.guards++
	}
}

func (p *patcher) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if p.names == nil {
			p.names = map[string]bool{}
		}
		p.names[n.Value] = true
	case *ast.BinaryNode:
		switch n.Operator {
		case "<", ">", "<=", ">=":
			p.guard(node, &ast.BoolNode{Value: false}, n.Left, n.Right)
		case "+", "-", "*", "/", "%", "**", "^":
			p.guard(node, &ast.NilNode{}, n.Left, n.Right)
		case "in":
			p.party(n)
		}
	case *ast.UnaryNode:
		if n.Operator == "-" || n.Operator == "+" {
			p.guard(node, &ast.NilNode{}, n.Node)
		}
	case *ast.CallNode:
		p.date(node, n)
	case *ast.BuiltinNode:
		if n.Name == "reduce" && p.err == nil { // reduce(1..40, #acc + #acc, "x") doubles past any memory
			p.err = fmt.Errorf("reduce is not allowed in --where: its work has no bound")
		}
	}
}

// The bounds of a --where expression: its length, and the operators on
// figures that may be unknown, since each guard against nil repeats the
// code of its operands.
const (
	MaxWhereLen = 1000
	maxGuards   = 12
)

// guardNil replaces node by `(a == nil or b == nil) ? result : node` for
// those of its operands that may be nil, and reports whether it did.
func guardNil(node *ast.Node, result ast.Node, operands ...ast.Node) bool {
	var cond ast.Node
	for _, o := range operands {
		if !mayBeNil(o) {
			continue
		}
		isNil := &ast.BinaryNode{Operator: "==", Left: o, Right: &ast.NilNode{}}
		if cond == nil {
			cond = isNil
		} else {
			cond = &ast.BinaryNode{Operator: "or", Left: cond, Right: isNil}
		}
	}
	if cond != nil {
		ast.Patch(node, &ast.ConditionalNode{Cond: cond, Exp1: result, Exp2: *node})
	}
	return cond != nil
}

// mayBeNil reports whether n can be nil: a figure, or a part the checker
// has not typed (such as one guardNil made).
func mayBeNil(n ast.Node) bool {
	nt := n.Nature()
	switch {
	case nt.Type == nil, nt.Nil:
		return true
	}
	k := nt.Type.Kind()
	return k == reflect.Pointer || k == reflect.Interface
}

// party notes "NAME" in parties.
func (p *patcher) party(n *ast.BinaryNode) {
	name, ok1 := n.Left.(*ast.StringNode)
	list, ok2 := n.Right.(*ast.IdentifierNode)
	if ok1 && ok2 && list.Value == "parties" {
		p.parties = append(p.parties, name.Value)
	}
}

// date reads date("...") of a literal now, so a bad date is an error
// before any deal is read.
func (p *patcher) date(node *ast.Node, call *ast.CallNode) {
	fn, ok := call.Callee.(*ast.IdentifierNode)
	if !ok || fn.Value != "date" || len(call.Arguments) != 1 {
		return
	}
	lit, ok := call.Arguments[0].(*ast.StringNode)
	if !ok {
		return
	}
	t, err := parseDate(lit.Value)
	if err != nil {
		if p.err == nil {
			p.err = &file.Error{Location: lit.Location(), Message: err.Error()}
		}
		return
	}
	ast.Patch(node, &ast.ConstantNode{Value: t})
}
