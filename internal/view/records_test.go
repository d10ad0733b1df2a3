package view

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// jsonKeys lists the json keys of struct type t, nested ones as
// sources[].url.
func jsonKeys(t reflect.Type, prefix string) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			keys = append(keys, jsonKeys(f.Type, prefix)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		keys = append(keys, prefix+name)
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			keys = append(keys, jsonKeys(f.Type.Elem(), prefix+name+"[].")...)
		}
	}
	return keys
}

// TestReadmeDocumentsEveryDealKey: a script author finds every key of
// list's and show's json in the README, and no key that is not there.
func TestReadmeDocumentsEveryDealKey(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "### deals (list, show)\n")
	if !ok {
		t.Fatal(`README.md has no "### deals (list, show)" section`)
	}
	section, _, _ = strings.Cut(section, "\n#")
	documented := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		if key, ok := strings.CutPrefix(line, "| `"); ok {
			key, _, _ = strings.Cut(key, "`")
			documented[key] = true
		}
	}
	keys := jsonKeys(reflect.TypeOf(dealDetail{}), "")
	if len(keys) < 30 {
		t.Fatalf("only %d keys found: %v", len(keys), keys)
	}
	for _, k := range keys {
		if !documented[k] {
			t.Errorf("README's deals table lacks the key %s", k)
		}
		delete(documented, k)
	}
	for k := range documented {
		t.Errorf("README's deals table documents %s, which list and show do not print", k)
	}
}
