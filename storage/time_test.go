package storage

import (
	"testing"
	"time"
)

// TestParseTimeMatchesTimeParse checks the hand-written reader against time.Parse
// on stored values, edge dates, and values it must hand over or refuse.
func TestParseTimeMatchesTimeParse(t *testing.T) {
	inputs := []string{
		"2026-11-25T18:59:35.906354Z",
		"0001-01-01T00:00:00.000000Z",
		"9999-12-31T23:59:59.999999Z",
		"2024-02-29T12:00:00.000001Z", // leap day
		"2023-02-29T12:00:00.000000Z", // no such day
		"2026-04-31T00:00:00.000000Z",
		"2026-13-01T00:00:00.000000Z",
		"2026-00-10T00:00:00.000000Z",
		"2026-01-00T00:00:00.000000Z",
		"2026-01-01T24:00:00.000000Z",
		"2026-01-01T23:60:00.000000Z",
		"2026-01-01T23:59:60.000000Z",
		"2026-01-01T23:59:59.00000aZ",
		"2026-01-01 23:59:59.000000Z",
		"2026-01-01T23:59:59.000000+",
		"2026-01-01T23:59:59.000000",
		"2026-01-01T23:59:59Z",           // RFC 3339 without fraction
		"2026-01-01T23:59:59.5+02:00",    // RFC 3339 with a zone
		"2026-01-01T23:59:59.123456789Z", // nanoseconds
		"",
		"yesterday",
		"+026-01-01T00:00:00.000000Z",
		"-026-01-01T00:00:00.000000Z",
	}
	for _, in := range inputs {
		want, wantErr := time.Parse(timeLayout, in)
		if wantErr != nil {
			want, wantErr = time.Parse(time.RFC3339Nano, in)
		}
		got, err := parseTime(in)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("parseTime(%q) error = %v, time.Parse error = %v", in, err, wantErr)
			continue
		}
		if err == nil && (!got.Equal(want) || got.Location().String() != want.Location().String()) {
			t.Errorf("parseTime(%q) = %v, time.Parse = %v", in, got, want)
		}
	}
}

// TestParseTimeRoundTrip reads back what formatTime writes, for many instants.
func TestParseTimeRoundTrip(t *testing.T) {
	start := time.Date(1999, 12, 31, 23, 59, 58, 999999000, time.UTC)
	for i := 0; i < 5000; i++ {
		in := truncateTime(start.Add(time.Duration(i) * 7919 * time.Hour / 13))
		got, err := parseTime(formatTime(in))
		if err != nil || got != in {
			t.Fatalf("parseTime(formatTime(%v)) = %v, %v", in, got, err)
		}
	}
}

func BenchmarkParseTime(b *testing.B) {
	for b.Loop() {
		if _, err := parseTime("2026-11-25T18:59:35.906354Z"); err != nil {
			b.Fatal(err)
		}
	}
}
