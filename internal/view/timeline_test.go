package view

import (
	"testing"
	"unicode/utf8"
)

func TestBar(t *testing.T) {
	for _, tt := range []struct {
		v, largest float64
		width      int
		want       string
	}{
		{10, 10, 4, "████"},
		{5, 10, 4, "██"},
		{1, 8, 1, "▏"},       // one eighth of one cell
		{3, 8, 1, "▍"},       // three eighths
		{7, 8, 1, "▉"},       // seven eighths
		{9, 16, 2, "█▏"},     // a cell and an eighth
		{0.001, 100, 4, "▏"}, // anything above nothing shows
		{0, 10, 4, ""},
		{5, 0, 4, ""},
		{-1, 10, 4, ""},
	} {
		got := bar(tt.v, tt.largest, tt.width)
		if got != tt.want {
			t.Errorf("bar(%v, %v, %d) = %q, want %q", tt.v, tt.largest, tt.width, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("bar(%v, %v, %d) is %d cells wide", tt.v, tt.largest, tt.width, n)
		}
	}
}
