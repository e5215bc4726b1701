package storage

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// foldName is the key a source name is unique under: spaces collapsed, lower case.
func foldName(name string) string { return strings.ToLower(annotate.NormalizeSourceName(name)) }

// sourceResolver finds a source by any of its names and, if create is set,
// creates one for a name nobody has used; it remembers what it found, for imports.
type sourceResolver struct {
	create  bool
	now     time.Time
	cache   map[string]int64
	created []string
}

func (r *sourceResolver) resolve(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	name = annotate.NormalizeSourceName(name)
	folded := foldName(name)
	if folded == "" {
		return 0, annotate.Errorf(annotate.EINVALID, "a source name cannot be empty")
	}
	if id, ok := r.cache[folded]; ok {
		return id, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT source_id FROM source_names WHERE folded = ?`, folded).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if !r.create {
			return 0, annotate.Errorf(annotate.ENOTFOUND, "no source is named %q", name)
		}
		now := r.now
		if now.IsZero() {
			now = truncateTime(time.Now())
		}
		created, err := insertSource(ctx, tx, annotate.Source{Name: name}, now)
		if err != nil {
			return 0, err
		}
		id = created.ID
		r.created = append(r.created, name)
	} else if err != nil {
		return 0, err
	}
	if r.cache == nil {
		r.cache = map[string]int64{}
	}
	r.cache[folded] = id
	return id, nil
}

// insertSource stores a new source; its names must be free.
func insertSource(ctx context.Context, tx *sql.Tx, s annotate.Source, now time.Time) (annotate.Source, error) {
	s.Name = annotate.NormalizeSourceName(s.Name)
	if err := s.Validate(); err != nil {
		return s, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sources (name, kind, created_at) VALUES (?, ?, ?)`, s.Name, string(s.Kind), formatTime(now))
	if err != nil {
		return s, err
	}
	if s.ID, err = res.LastInsertId(); err != nil {
		return s, err
	}
	return s, writeSourceNames(ctx, tx, s)
}

// writeSourceNames replaces the names of s, refusing one another source has.
func writeSourceNames(ctx context.Context, tx *sql.Tx, s annotate.Source) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM source_names WHERE source_id = ?`, s.ID); err != nil {
		return err
	}
	for i, name := range s.Names() {
		name = annotate.NormalizeSourceName(name)
		var other string
		err := tx.QueryRowContext(ctx, `SELECT s.name FROM source_names n JOIN sources s ON s.id = n.source_id WHERE n.folded = ?`, foldName(name)).Scan(&other)
		if err == nil {
			return annotate.Errorf(annotate.ECONFLICT, "%q already names the source %s (merge the two instead)", name, other)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_names (source_id, name, folded, position) VALUES (?, ?, ?, ?)`,
			s.ID, name, foldName(name), i); err != nil {
			return err
		}
	}
	return nil
}

// Sources lists every source with its aliases, by name.
func (db *DB) Sources(ctx context.Context) ([]annotate.Source, error) {
	sources, err := listSources(ctx, db.read)
	return sources, db.fail("list sources", err)
}

func listSources(ctx context.Context, q queryer) ([]annotate.Source, error) {
	sources, err := querySources(ctx, q, ``)
	if err != nil {
		return nil, err
	}
	// Names are stored normalised, so lower case is the fold; computed once.
	keys := make(map[int64]string, len(sources))
	for _, s := range sources {
		keys[s.ID] = strings.ToLower(s.Name)
	}
	sort.SliceStable(sources, func(i, j int) bool { return keys[sources[i].ID] < keys[sources[j].ID] })
	return sources, nil
}

// querySources reads the sources the WHERE clause (or none; it sees sources as
// s) picks, with their aliases, in id order.
func querySources(ctx context.Context, q queryer, where string, args ...any) ([]annotate.Source, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.id, s.name, s.kind, n.name, n.position FROM sources s
		JOIN source_names n ON n.source_id = s.id `+where+` ORDER BY s.id, n.position`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sources := []annotate.Source{}
	for rows.Next() {
		var s annotate.Source
		var name string
		var position int
		if err := rows.Scan(&s.ID, &s.Name, &s.Kind, &name, &position); err != nil {
			return nil, err
		}
		if n := len(sources); n > 0 && sources[n-1].ID == s.ID {
			if position > 0 {
				sources[n-1].Aliases = append(sources[n-1].Aliases, name)
			}
			continue
		}
		sources = append(sources, s)
	}
	return sources, rows.Err()
}

// FindSource returns the source with the name or alias given, ignoring case.
func (db *DB) FindSource(ctx context.Context, name string) (annotate.Source, error) {
	s, err := findSource(ctx, db.read, name)
	return s, db.fail("find source", err)
}

func findSource(ctx context.Context, q queryer, name string) (annotate.Source, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT source_id FROM source_names WHERE folded = ?`, foldName(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return annotate.Source{}, annotate.Errorf(annotate.ENOTFOUND, "no source is named %q", annotate.NormalizeSourceName(name))
	} else if err != nil {
		return annotate.Source{}, err
	}
	return sourceByID(ctx, q, id)
}

func sourceByID(ctx context.Context, q queryer, id int64) (annotate.Source, error) {
	sources, err := querySources(ctx, q, `WHERE s.id = ?`, id)
	if err != nil {
		return annotate.Source{ID: id}, err
	}
	if len(sources) == 0 {
		return annotate.Source{ID: id}, annotate.Errorf(annotate.ENOTFOUND, "source %d not found", id)
	}
	return sources[0], nil
}

// CreateSource adds a source; its name and aliases must not name another.
func (db *DB) CreateSource(ctx context.Context, s annotate.Source) (annotate.Source, error) {
	s.ID = 0
	err := db.withTx(ctx, "create source", func(tx *sql.Tx) error {
		created, err := insertSource(ctx, tx, s, db.now())
		s = created
		return err
	})
	if err != nil {
		return annotate.Source{}, err
	}
	return s, nil
}

// UpdateSource renames a source, sets its kind or its aliases (by ID). Spans
// refer to sources by id, so they follow.
func (db *DB) UpdateSource(ctx context.Context, s annotate.Source) (annotate.Source, error) {
	s.Name = annotate.NormalizeSourceName(s.Name)
	if err := s.Validate(); err != nil {
		return annotate.Source{}, err
	}
	err := db.withTx(ctx, "update source", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sources SET name = ?, kind = ? WHERE id = ?`, s.Name, string(s.Kind), s.ID)
		if err != nil {
			return err
		}
		if err := requireOneRow(res, "source %d not found", s.ID); err != nil {
			return err
		}
		return writeSourceNames(ctx, tx, s)
	})
	if err != nil {
		return annotate.Source{}, err
	}
	return s, nil
}

// MergeSources folds the source named from into the source named into (names or
// aliases, ignoring case): from's statements, name and aliases go to into, and
// from is removed. It returns the merged source.
func (db *DB) MergeSources(ctx context.Context, from, into string) (annotate.Source, error) {
	var merged annotate.Source
	err := db.withTx(ctx, "merge sources", func(tx *sql.Tx) error {
		a, err := findSource(ctx, tx, from)
		if err != nil {
			return err
		}
		b, err := findSource(ctx, tx, into)
		if err != nil {
			return err
		}
		if a.ID == b.ID {
			return annotate.Errorf(annotate.EINVALID, "%q and %q are names of one source, %s: nothing to merge", from, into, a.Name)
		}
		merged = b.Merge(a)
		if _, err := tx.ExecContext(ctx, `UPDATE span_attributes SET source_id = ? WHERE source_id = ?`, b.ID, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET kind = ? WHERE id = ?`, string(merged.Kind), b.ID); err != nil {
			return err
		}
		return writeSourceNames(ctx, tx, merged)
	})
	if err != nil {
		return annotate.Source{}, err
	}
	return merged, nil
}

// ledgerAttr is the attribute the ledger counts: the default source attribute of
// the statement labels. Other source-typed attributes are not statements' sources.
const ledgerAttr = "source"

// SourceLedger lists every source with its statements counted per label across
// documents (the statement labels present with zeros), most statements first,
// then by name. It reads in one snapshot: one pass over the source values and
// one over the sources.
func (db *DB) SourceLedger(ctx context.Context) ([]annotate.LedgerEntry, error) {
	var entries []annotate.LedgerEntry
	err := func() error {
		tx, err := db.readTx(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		sources, err := listSources(ctx, tx)
		if err != nil {
			return err
		}
		labels, err := labelNamesByID(ctx, tx)
		if err != nil {
			return err
		}
		// One walk of the covering index span_attributes_source, no join.
		rows, err := tx.QueryContext(ctx, `SELECT source_id, label_id, count(*) FROM span_attributes
			WHERE source_id IS NOT NULL AND name = ? GROUP BY source_id, label_id`, ledgerAttr)
		if err != nil {
			return err
		}
		defer rows.Close()
		entries = make([]annotate.LedgerEntry, len(sources))
		bySource := make(map[int64]int, len(sources))
		for i, s := range sources {
			entries[i] = annotate.LedgerEntry{Source: s, Counts: map[string]int{}}
			for _, name := range annotate.StatementLabels {
				entries[i].Counts[name] = 0
			}
			bySource[s.ID] = i
		}
		for rows.Next() {
			var sourceID, labelID int64
			var n int
			if err := rows.Scan(&sourceID, &labelID, &n); err != nil {
				return err
			}
			i, ok := bySource[sourceID]
			if !ok {
				continue
			}
			entries[i].Counts[labels[labelID]] += n
			entries[i].Total += n
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, db.fail("read sources ledger", err)
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Total > entries[j].Total })
	return entries, nil
}

// SourceStatements lists the spans attributed to a source, by document and text
// order, with their document titles: what the ledger shows when a source is opened.
func (db *DB) SourceStatements(ctx context.Context, sourceID int64) ([]annotate.SpanRecord, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT s.id, s.document_id, s.start_offset, s.end_offset, l.name, s.text,
		s.annotator, s.note, s.created_at, s.updated_at, d.title, d.status
		FROM span_attributes a JOIN spans s ON s.id = a.span_id JOIN labels l ON l.id = s.label_id
		JOIN documents d ON d.id = s.document_id
		WHERE a.source_id = ? ORDER BY s.document_id, s.start_offset, s.end_offset DESC, s.id`, sourceID)
	if err != nil {
		return nil, db.fail("list source statements", err)
	}
	defer rows.Close()
	records := []annotate.SpanRecord{}
	for rows.Next() {
		var r annotate.SpanRecord
		span, err := scanSpan(rows, &r.DocTitle, &r.DocStatus)
		if err != nil {
			return nil, db.fail("list source statements", err)
		}
		r.Span = span
		records = append(records, r)
	}
	return records, db.fail("list source statements", rows.Err())
}
