package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestExitCodes pins the exit code of each way of calling dealtrack
// wrongly (2), of a failure (1) and of success (0), from where each usage
// error is typed: an unknown command, flag parsing, argument checks and
// flag values.
func TestExitCodes(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", "")
	for _, tt := range []struct {
		args string
		code int
		msg  string
	}{
		{"nosuch", ExitUsage, `unknown command "nosuch" for "dealtrack"`},
		{"lsit", ExitUsage, "did you mean list?"},
		{"list extra", ExitUsage, "list takes no arguments, only flags"},
		{"list --bogus", ExitUsage, "unknown flag: --bogus"},
		{"list -O csv", ExitUsage, "unknown shorthand flag"},
		{"list --limit", ExitUsage, "flag needs an argument"},
		{"list --limit x", ExitUsage, "invalid argument"},
		{"list --kind clouds", ExitUsage, `--kind: "clouds": unknown kind`},
		{"list --country Atlantis", ExitUsage, "unknown country"},
		{"total --by day", ExitUsage, "not a grouping"},
		{"list -o xml", ExitUsage, "--output"},
		{"show", ExitUsage, "show needs <id>"},
		{"show no-such-deal", ExitFailure, "no deal has id"},
		{"list --where 'usd >'", ExitUsage, "--where"},
		{"list --party Nvdia", ExitUsage, "did you mean NVIDIA?"},
		{"help nonsense", ExitUsage, `no help topic "nonsense"`},
		{"help lsit", ExitUsage, "did you mean list?"},
		{"completion tcsh", ExitUsage, "shells: bash, zsh, fish, powershell"},
		{"--version", ExitOK, ""},
		{"help where", ExitOK, ""},
		{"list --limit 1", ExitOK, ""},
		{"", ExitOK, ""},
	} {
		var out, errs bytes.Buffer
		args := strings.Fields(tt.args)
		if tt.args == "list --where 'usd >'" {
			args = []string{"list", "--where", "usd >"}
		}
		if code := Main(args, strings.NewReader(""), &out, &errs); code != tt.code {
			t.Errorf("dealtrack %s: exit %d, want %d (stderr %q)", tt.args, code, tt.code, errs.String())
		}
		if !strings.Contains(errs.String(), tt.msg) {
			t.Errorf("dealtrack %s: stderr %q, want it to contain %q", tt.args, errs.String(), tt.msg)
		}
	}
}
