package main

import (
	"bytes"
	"encoding/hex"
	"os"
	"strconv"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds make the files a txtar archive cannot hold readably: binary
// bytes, other encodings, large sizes.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"unescape": cmdUnescape,
	"utf16":    cmdUTF16,
	"pad":      cmdPad,
}

// unescape FILE...: replace every \xHH in each file with the byte HH.
func cmdUnescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: unescape FILE...")
	}
	for _, name := range args {
		data := []byte(ts.ReadFile(name))
		var out []byte
		for i := 0; i < len(data); i++ {
			if data[i] == '\\' && i+3 < len(data) && data[i+1] == 'x' {
				b, err := hex.DecodeString(string(data[i+2 : i+4]))
				ts.Check(err)
				out, i = append(out, b[0]), i+3
				continue
			}
			out = append(out, data[i])
		}
		ts.Check(os.WriteFile(ts.MkAbs(name), out, 0o644))
	}
}

// utf16 [-be] [-nobom] FILE: re-encode a UTF-8 file as UTF-16 (little
// endian unless -be), with a byte-order mark unless -nobom.
func cmdUTF16(ts *testscript.TestScript, neg bool, args []string) {
	bigEndian, bom := false, true
	for len(args) > 1 {
		switch args[0] {
		case "-be":
			bigEndian = true
		case "-nobom":
			bom = false
		default:
			ts.Fatalf("usage: utf16 [-be] [-nobom] FILE")
		}
		args = args[1:]
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: utf16 [-be] [-nobom] FILE")
	}
	units := utf16.Encode([]rune(ts.ReadFile(args[0])))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	var out bytes.Buffer
	for _, u := range units {
		if bigEndian {
			out.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			out.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), out.Bytes(), 0o644))
}

// pad FILE SIZE: append comment lines to FILE until it holds SIZE bytes.
func cmdPad(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: pad FILE SIZE")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	data := []byte(ts.ReadFile(args[0]))
	for len(data) < size {
		data = append(data, "# padding\n"...)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data[:size], 0o644))
}
