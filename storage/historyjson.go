package storage

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// historyEncoder writes the history JSON of the spans an import creates: the same
// bytes as encodeHistorySpan (json.Marshal of spanJSON), without reflection, and
// with the timestamp text of the last instant kept, since an import stamps all its
// spans alike. json.Marshal went through reflection and formatted both times of
// every span: a tenth of a large import.
type historyEncoder struct {
	buf      []byte
	lastTime time.Time
	lastText []byte // lastTime as json.Marshal writes it, quotes included
}

// encode returns the history JSON of s.
func (h *historyEncoder) encode(s *annotate.Span) (string, error) {
	created, updated := s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	if !jsonTimeOK(created) || !jsonTimeOK(updated) || len(s.Attrs) > 0 || len(s.Links) > 0 {
		v, err := encodeHistorySpan(s) // json.Marshal gives the error
		if err != nil {
			return "", err
		}
		return v.(string), nil
	}
	b := h.buf[:0]
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, s.ID, 10)
	b = append(b, `,"doc_id":`...)
	b = strconv.AppendInt(b, s.DocID, 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	b = append(b, `,"label":`...)
	b = appendMarshalString(b, s.Label)
	b = append(b, `,"text":`...)
	b = appendMarshalString(b, s.Text)
	if s.Annotator != "" {
		b = append(b, `,"annotator":`...)
		b = appendMarshalString(b, s.Annotator)
	}
	if s.Note != "" {
		b = append(b, `,"note":`...)
		b = appendMarshalString(b, s.Note)
	}
	b = append(b, `,"created_at":`...)
	b = h.appendTime(b, created)
	b = append(b, `,"updated_at":`...)
	b = h.appendTime(b, updated)
	b = append(b, '}')
	h.buf = b
	return string(b), nil
}

// jsonTimeOK is whether time.Time.MarshalJSON accepts t (a four-digit year).
func jsonTimeOK(t time.Time) bool { return t.Year() >= 0 && t.Year() <= 9999 }

func (h *historyEncoder) appendTime(b []byte, t time.Time) []byte {
	if h.lastText == nil || !t.Equal(h.lastTime) || t.Location() != h.lastTime.Location() {
		h.lastTime = t
		h.lastText = append(h.lastText[:0], '"')
		h.lastText = t.AppendFormat(h.lastText, time.RFC3339Nano)
		h.lastText = append(h.lastText, '"')
	}
	return append(b, h.lastText...)
}

// appendMarshalString appends s as json.Marshal writes it. Strings that need no
// escaping under its rules (no control characters, quotes, backslashes, <, > or
// &, valid UTF-8 without U+2028 or U+2029) are copied; json.Marshal writes the rest.
func appendMarshalString(b []byte, s string) []byte {
	plain, ascii := true, true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			plain = false
		}
		if !plain {
			break
		}
	}
	if plain && !ascii {
		plain = utf8.ValidString(s) && !strings.ContainsRune(s, '\u2028') && !strings.ContainsRune(s, '\u2029')
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	data, _ := json.Marshal(s) // a string always marshals
	return append(b, data...)
}
