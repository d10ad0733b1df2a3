package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// pack writes a value of the snapshot's types compactly, and unpack reads
// it back. Every distinct string is written once, in a table that unpack
// reads as one string and slices, so the strings of a data set cost one
// allocation; numbers are varints; a slice or pointer is its length
// (0 for nil, n+1 otherwise, 1 for a pointer) before its items. Before all
// that comes the shape of the type (its fields, names and kinds, nested),
// so a snapshot made by a build whose types differ is refused, not
// misread.
//
// It knows structs, slices, pointers, strings, bools and integers: the
// deal model's kinds. A field it cannot set (unexported, outside an
// embedded struct) makes pack fail, not skip it.

const packMagic = "dealtrack snapshot 2\n"

var errCorrupt = errors.New("snapshot: corrupt")

func pack(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	shape, err := shapeOf(rv.Type())
	if err != nil {
		return nil, err
	}
	p := packer{index: map[string]uint64{}}
	p.value(rv)
	out := append([]byte(packMagic), shape...)
	out = append(out, 0)
	out = binary.AppendUvarint(out, uint64(len(p.table)))
	for _, s := range p.table {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range p.table {
		out = append(out, s...)
	}
	return append(out, p.out...), nil
}

// unpack reads data, written by pack from a value of the type ptr points
// to, into *ptr.
func unpack(data []byte, ptr any) error {
	rv := reflect.ValueOf(ptr).Elem()
	shape, err := shapeOf(rv.Type())
	if err != nil {
		return err
	}
	head := packMagic + shape + "\x00"
	if len(data) < len(head) || string(data[:len(head)]) != head {
		return errors.New("snapshot: made by another build")
	}
	u := unpacker{in: data[len(head):]}
	n := u.count(1)
	lens := make([]int, n)
	total := 0
	for i := range lens {
		lens[i] = u.count(1)
		total += lens[i]
	}
	if u.err != nil || total > len(u.in) {
		return errCorrupt
	}
	all := string(u.in[:total])
	u.in = u.in[total:]
	u.table = make([]string, n)
	for i, l := range lens {
		u.table[i], all = all[:l], all[l:]
	}
	u.value(rv)
	if u.err == nil && len(u.in) != 0 {
		u.err = errCorrupt
	}
	return u.err
}

type packer struct {
	index map[string]uint64
	table []string
	out   []byte
}

func (p *packer) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		i, ok := p.index[s]
		if !ok {
			i = uint64(len(p.table))
			p.index[s] = i
			p.table = append(p.table, s)
		}
		p.out = binary.AppendUvarint(p.out, i)
	case reflect.Bool:
		b := uint64(0)
		if v.Bool() {
			b = 1
		}
		p.out = binary.AppendUvarint(p.out, b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.out = binary.AppendVarint(p.out, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.out = binary.AppendUvarint(p.out, v.Uint())
	case reflect.Slice:
		if v.IsNil() {
			p.out = append(p.out, 0)
			return
		}
		p.out = binary.AppendUvarint(p.out, uint64(v.Len())+1)
		for i := range v.Len() {
			p.value(v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			p.out = append(p.out, 0)
			return
		}
		p.out = append(p.out, 1)
		p.value(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			p.value(v.Field(i))
		}
	}
}

type unpacker struct {
	in    []byte
	table []string
	err   error
}

func (u *unpacker) uvarint() uint64 {
	x, n := binary.Uvarint(u.in)
	if n <= 0 {
		u.fail()
		return 0
	}
	u.in = u.in[n:]
	return x
}

// count reads a length of things at least size bytes each, no more than
// the input left can hold.
func (u *unpacker) count(size int) int {
	n := u.uvarint()
	if n > uint64(len(u.in)/size) {
		u.fail()
		return 0
	}
	return int(n)
}

func (u *unpacker) fail() {
	if u.err == nil {
		u.err = errCorrupt
	}
	u.in = nil
}

func (u *unpacker) value(v reflect.Value) {
	if u.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.String:
		i := u.uvarint()
		if i >= uint64(len(u.table)) {
			u.fail()
			return
		}
		v.SetString(u.table[i])
	case reflect.Bool:
		v.SetBool(u.uvarint() != 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(u.in)
		if n <= 0 || v.OverflowInt(x) {
			u.fail()
			return
		}
		u.in = u.in[n:]
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		x := u.uvarint()
		if v.OverflowUint(x) {
			u.fail()
			return
		}
		v.SetUint(x)
		if v.Type() == qualifierType && !deal.Qualifier(x).Valid() {
			u.fail() // a qualifier no figure has, which would not print
		}
	case reflect.Slice:
		n := u.uvarint()
		if n == 0 {
			return
		}
		if n-1 > uint64(len(u.in)/minSize(v.Type().Elem())) { // no more items than the input can hold
			u.fail()
			return
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range s.Len() {
			u.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Pointer:
		if u.uvarint() == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		u.value(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			u.value(v.Field(i))
		}
	}
}

var qualifierType = reflect.TypeFor[deal.Qualifier]()

// minSizes caches minSize.
var minSizes sync.Map // reflect.Type -> int

// minSize is the fewest bytes pack writes for a value of t: a slice may
// claim no more items than what is left could hold, so a crafted length
// cannot make unpack allocate much more than its input.
func minSize(t reflect.Type) int {
	if t.Kind() != reflect.Struct {
		return 1
	}
	if n, ok := minSizes.Load(t); ok {
		return n.(int)
	}
	n := 0
	for i := range t.NumField() {
		n += minSize(t.Field(i).Type)
	}
	n = max(n, 1)
	minSizes.Store(t, n)
	return n
}

var shapes sync.Map // reflect.Type -> shape

type shape struct {
	text string
	err  error
}

// shapeOf writes t's fields, their names and kinds, nested, or says which
// field pack cannot carry.
func shapeOf(t reflect.Type) (string, error) {
	if s, ok := shapes.Load(t); ok {
		return s.(shape).text, s.(shape).err
	}
	var b strings.Builder
	err := writeShape(&b, t, t.String())
	shapes.Store(t, shape{b.String(), err})
	return b.String(), err
}

func writeShape(b *strings.Builder, t reflect.Type, at string) error {
	if strings.Count(at, ".")+strings.Count(at, "[]") > 16 {
		return fmt.Errorf("snapshot: %s nests too deep (a type that holds itself?)", at)
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(t.Kind().String())
	case reflect.Slice:
		b.WriteString("[]")
		return writeShape(b, t.Elem(), at+"[]")
	case reflect.Pointer:
		b.WriteString("*")
		return writeShape(b, t.Elem(), at)
	case reflect.Struct:
		b.WriteString("{")
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !(f.Anonymous && f.Type.Kind() == reflect.Struct) {
				return fmt.Errorf("snapshot: cannot carry unexported field %s.%s", at, f.Name)
			}
			b.WriteString(f.Name + ":")
			if err := writeShape(b, f.Type, at+"."+f.Name); err != nil {
				return err
			}
			b.WriteString(";")
		}
		b.WriteString("}")
	default:
		return fmt.Errorf("snapshot: cannot carry %s (%s)", at, t)
	}
	return nil
}
