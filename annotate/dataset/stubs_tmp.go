package dataset

import (
	"io"

	"github.com/newsmark/newsmark/annotate"
)

type stubDecoder struct {
	name string
	done bool
}

func (d *stubDecoder) Decode() (annotate.ImportRecord, error) {
	if d.done {
		return annotate.ImportRecord{}, io.EOF
	}
	d.done = true
	return annotate.ImportRecord{}, annotate.RecordError{Origin: d.name, Err: annotate.Errorf(annotate.EINVALID, "format not supported yet")}
}

func NewLabelStudioDecoder(r io.Reader, name string, opts DecodeOptions) Decoder {
	return &stubDecoder{name: name}
}
func NewCoNLLDecoder(r io.Reader, name string, opts DecodeOptions) Decoder {
	return &stubDecoder{name: name}
}
func (r *reader) brat(path string) bool {
	return r.fail(path, annotate.Errorf(annotate.EINVALID, "brat not supported yet"))
}
