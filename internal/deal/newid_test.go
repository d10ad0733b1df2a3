package deal

import (
	"strings"
	"testing"
)

func TestNewID(t *testing.T) {
	day := Date{2025, 9, 22}
	for _, c := range []struct {
		date  Date
		title string
		want  string
	}{
		{day, "NVIDIA to invest up to $100B in OpenAI", "2025-09-22-nvidia-invest-up-100b-openai"},
		{day, "OpenAI and NVIDIA announce strategic partnership", "2025-09-22-openai-nvidia-announce-strategic-partnership"},
		{Date{2025, 9, 0}, "Oracle in talks with Meta", "2025-09-oracle-talks-meta"},
		{day, "NVIDIA buys Groq's staff", "2025-09-22-nvidia-buys-groqs-staff"},
		{day, "Up to 900,000 DRAM wafers a month", "2025-09-22-up-900000-dram-wafers-month"},
		{day, "Société Générale finances a Zürich data centre", "2025-09-22-societe-generale-finances-zurich-data-centre"},
		{day, "  --Weird__spacing!!  ", "2025-09-22-weird-spacing"},
		{day, "one two three four five six seven eight nine ten", "2025-09-22-one-two-three-four-five-six-seven-eight"},
		{day, strings.Repeat("abcdefghijklmnopqrstuvwxyz ", 5), "2025-09-22-abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz"},
		{day, "../../etc/passwd", "2025-09-22-etc-passwd"},
	} {
		got, err := NewID(c.date, c.title)
		if err != nil || got != c.want {
			t.Errorf("NewID(%v, %q) = %q, %v; want %q", c.date, c.title, got, err, c.want)
		}
		if len(got) > MaxIDLen {
			t.Errorf("NewID(%q) is %d characters long", c.title, len(got))
		}
	}
}

func TestNewIDNeedsAWord(t *testing.T) {
	for _, title := range []string{"", "   ", "中文标题", "$ — !", "the of and", strings.Repeat("x", 70)} {
		if got, err := NewID(Date{2025, 9, 22}, title); err == nil {
			t.Errorf("NewID(%q) = %q, want an error", title, got)
		}
	}
}
