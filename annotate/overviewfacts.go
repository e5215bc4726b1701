package annotate

import "time"

// OverviewFacts is what the overview charts are drawn from: counts aggregated in the
// database, small whatever the size of the project (a row per label, annotator,
// document status and day), so every filter and chart is computed in memory.
type OverviewFacts struct {
	// Documents counts documents per status, the whole project.
	Documents map[Status]int
	// AnnotatorDocuments counts, for each annotator, the documents holding at least
	// one of their spans, per document status.
	AnnotatorDocuments []AnnotatorDocumentCount
	// Spans counts spans per label, annotator, document status and day of creation.
	Spans []SpanCount
	// DocumentDates is each document's date: its published date where its metadata
	// has one, else the day it was imported. Casualty points are placed on it.
	DocumentDates map[int64]time.Time
	// Sources counts statements per source, label, annotator, document status
	// and day (the sources chart).
	Sources []SourceCount
	// Casualties are the CASUALTY spans with their figures (the casualties chart).
	Casualties []Casualty
}

// SourceCount is how many statements with one label, by one annotator, made on
// one day in documents of one status, are attributed to one source.
type SourceCount struct {
	Source    string
	Label     string
	Annotator string
	Status    Status
	Day       time.Time
	Spans     int
}

// AnnotatorDocumentCount is how many documents of one status an annotator has spans in.
type AnnotatorDocumentCount struct {
	Annotator string
	Status    Status
	Documents int
}

// SpanCount is how many spans one annotator made with one label, on one day, in
// documents of one status.
type SpanCount struct {
	Label     string
	Annotator string
	Status    Status
	Day       time.Time // midnight UTC of the day the span was created
	Spans     int
}

// documentDateLayouts are the date forms read from a document's metadata, most
// specific first: news sites and wire feeds write ISO 8601 with or without a time.
var documentDateLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.DateOnly}

// ParseDocumentDate reads a published date from a metadata value; ok is false for
// anything that is not an ISO 8601 date string. The result is the calendar day
// the date names where it was written, as midnight UTC: an article stamped
// 2024-03-05T23:30:00-05:00 was published on 5 March, though it was already 6
// March in UTC, and a filter on 5 March must find it.
func ParseDocumentDate(value any) (day time.Time, ok bool) {
	text, isString := value.(string)
	if !isString || text == "" {
		return time.Time{}, false
	}
	for _, layout := range documentDateLayouts {
		if t, err := time.Parse(layout, text); err == nil {
			year, month, date := t.Date()
			return time.Date(year, month, date, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
