package view

import "strings"

// Problem is a problem check found in a file, as store reports it.
type Problem struct {
	Path      string
	Line, Col int // 0 when the problem is about the whole file
	Severity  string
	Msg       string
}

// problemRecord is a problem in json. Keys are a contract: never rename
// one; add new ones.
type problemRecord struct {
	File     string  `json:"file"`
	Line     int     `json:"line"`
	Column   int     `json:"column"`
	Severity string  `json:"severity"`
	Message  string  `json:"message"`
	Hint     *string `json:"hint"`
}

// ProblemRecords is check's json: each problem at a line and column
// (1:1 for the whole file), with the hint its message ends with.
func ProblemRecords(ps []Problem) any {
	out := make([]problemRecord, len(ps))
	for i, p := range ps {
		out[i] = problemRecord{p.Path, max(p.Line, 1), max(p.Col, 1), p.Severity, p.Msg, optString(hintOf(p.Msg))}
	}
	return out
}

// hintOf is what a message says would be right: its last part in
// parentheses ("did you mean NVIDIA?", "use K, M, B or T"), or "".
func hintOf(msg string) string {
	if !strings.HasSuffix(msg, ")") {
		return ""
	}
	depth := 0
	for i := len(msg) - 1; i >= 0; i-- {
		switch msg[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				return msg[i+1 : len(msg)-1]
			}
		}
	}
	return ""
}
