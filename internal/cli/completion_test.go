package cli

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/cobra"
)

// TestCompletionForFlagsOfOtherCommands: any command's --party and
// --part-of complete from the data, as add's will, unless the command
// set its own completion.
func TestCompletionForFlagsOfOtherCommands(t *testing.T) {
	data := fstest.MapFS{
		"parties.yaml": {Data: []byte("NVIDIA: {aliases: [Nvidia Corp], kind: company}\nOpenAI: {kind: company}\n")},
		"stargate.yaml": {Data: []byte("title: Stargate\nannounced: 2025-01-21\nstatus: announced\nkind: joint-venture\n" +
			"parties: [OpenAI]\nsources:\n  - {publisher: X, title: Y}\n")},
	}
	app := &App{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Builtin: data}
	root := &cobra.Command{Use: "dealtrack"}
	add := &cobra.Command{Use: "add", Run: func(*cobra.Command, []string) {}}
	add.Flags().StringArray("party", nil, "")
	add.Flags().String("part-of", "", "")
	own := &cobra.Command{Use: "own", Run: func(*cobra.Command, []string) {}}
	own.Flags().String("party", "", "")
	own.RegisterFlagCompletionFunc("party", cobra.FixedCompletions([]string{"mine"}, cobra.ShellCompDirectiveNoFileComp))
	root.AddCommand(add, own)
	completeFromData(root, app)

	tests := []struct {
		cmd                *cobra.Command
		flag, prefix, want string
	}{
		{add, "party", "nv", "NVIDIA\tcompany,Nvidia Corp\talias of NVIDIA"},
		{add, "party", "", "NVIDIA\tcompany,Nvidia Corp\talias of NVIDIA,OpenAI\tcompany"},
		{add, "part-of", "star", "stargate\tStargate"},
		{add, "part-of", "x", ""},
		{own, "party", "", "mine"},
	}
	for _, tt := range tests {
		complete, ok := tt.cmd.GetFlagCompletionFunc(tt.flag)
		if !ok {
			t.Errorf("%s --%s has no completion", tt.cmd.Name(), tt.flag)
			continue
		}
		got, dir := complete(tt.cmd, nil, tt.prefix)
		if strings.Join(got, ",") != tt.want || dir != cobra.ShellCompDirectiveNoFileComp {
			t.Errorf("%s --%s %q: %q %v, want %q", tt.cmd.Name(), tt.flag, tt.prefix, got, dir, tt.want)
		}
	}
}
