package storage

import (
	"context"
	"database/sql"

	"github.com/newsmark/newsmark/annotate"
)

// Seed fills a new database in one transaction: the labels (those whose name is
// already taken are left as they are) and, if sample is not nil, the sample
// document, marked as the sample.
func (db *DB) Seed(ctx context.Context, labels []annotate.Label, sample *annotate.Document) error {
	return db.withTx(ctx, "seed", func(tx *sql.Tx) error {
		for _, label := range labels {
			label.ID = 0
			label.Name = annotate.NormalizeLabelName(label.Name)
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM labels WHERE name = ?`, label.Name).Scan(&exists); err != nil {
				return err
			}
			if exists > 0 {
				continue
			}
			if _, err := insertLabel(ctx, tx, label, false); err != nil {
				return err
			}
		}
		if sample == nil {
			return nil
		}
		im, err := newImporter(ctx, tx, annotate.ImportOptions{})
		if err != nil {
			return err
		}
		defer im.close()
		doc := *sample
		doc.Sample = true
		if doc.Title == "" {
			doc.Title = annotate.TitleFromText(doc.Text)
		}
		if err := doc.Validate(); err != nil {
			return err
		}
		_, err = im.storeDocument(doc, annotate.RuneLen(doc.Text), db.now())
		return err
	})
}
