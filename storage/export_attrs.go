package storage

import (
	"context"
	"database/sql"

	"github.com/newsmark/newsmark/annotate"
)

// exportExtras streams the attributes and links of every span in document order,
// beside Export's span cursor, so that a document's are attached as it is
// yielded. A database with neither opens no cursor.
type exportExtras struct {
	attrs, links *sql.Rows

	attrDoc  int64 // document of the attribute row read ahead; 0 for none
	attrSpan int64
	attrName string
	attrVal  annotate.AttrValue

	linkDoc int64
	link    annotate.Link
}

func openExportExtras(ctx context.Context, tx *sql.Tx) (*exportExtras, error) {
	var hasAttrs, hasLinks bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM span_attributes), EXISTS (SELECT 1 FROM span_links)`).Scan(&hasAttrs, &hasLinks); err != nil {
		return nil, err
	}
	x := &exportExtras{}
	var err error
	if hasAttrs {
		// Spans lead, in the order of their (document_id, ...) index, so the rows
		// come sorted by document without a sort.
		x.attrs, err = tx.QueryContext(ctx, `SELECT s.document_id, a.span_id, a.name, a.type, a.value, src.name, a.parsed
			FROM spans s CROSS JOIN span_attributes a ON a.span_id = s.id LEFT JOIN sources src ON src.id = a.source_id
			ORDER BY s.document_id`)
		if err != nil {
			return nil, err
		}
		if err := x.nextAttr(); err != nil {
			x.close()
			return nil, err
		}
	}
	if hasLinks {
		x.links, err = tx.QueryContext(ctx, `SELECT h.document_id, l.id, l.head_id, l.child_id, l.label
			FROM spans h CROSS JOIN span_links l ON l.head_id = h.id ORDER BY h.document_id, l.id`)
		if err != nil {
			x.close()
			return nil, err
		}
		if err := x.nextLink(); err != nil {
			x.close()
			return nil, err
		}
	}
	return x, nil
}

func (x *exportExtras) close() {
	if x.attrs != nil {
		x.attrs.Close()
	}
	if x.links != nil {
		x.links.Close()
	}
}

func (x *exportExtras) nextAttr() error {
	x.attrDoc = 0
	if !x.attrs.Next() {
		return x.attrs.Err()
	}
	var doc int64
	row := prefixScanner{rows: x.attrs, first: &doc}
	spanID, name, v, err := scanAttr(row)
	if err != nil {
		return err
	}
	x.attrDoc, x.attrSpan, x.attrName, x.attrVal = doc, spanID, name, v
	return nil
}

func (x *exportExtras) nextLink() error {
	x.linkDoc = 0
	if !x.links.Next() {
		return x.links.Err()
	}
	var l annotate.Link
	if err := x.links.Scan(&l.DocID, &l.ID, &l.Head, &l.Child, &l.Label); err != nil {
		return err
	}
	x.linkDoc, x.link = l.DocID, l
	return nil
}

// attach gives doc's spans their attributes and doc the links between its
// exported spans (a link to a span the filter left out is left out too).
func (x *exportExtras) attach(doc *annotate.AnnotatedDocument) error {
	id := doc.Document.ID
	var index map[int64]int
	if x.attrDoc != 0 || x.linkDoc != 0 {
		index = make(map[int64]int, len(doc.Spans))
		for i, s := range doc.Spans {
			index[s.ID] = i
		}
	}
	for x.attrs != nil && x.attrDoc != 0 && x.attrDoc <= id {
		if x.attrDoc == id {
			if i, ok := index[x.attrSpan]; ok {
				if doc.Spans[i].Attrs == nil {
					doc.Spans[i].Attrs = annotate.Attrs{}
				}
				doc.Spans[i].Attrs[x.attrName] = x.attrVal
			}
		}
		if err := x.nextAttr(); err != nil {
			return err
		}
	}
	for x.links != nil && x.linkDoc != 0 && x.linkDoc <= id {
		if x.linkDoc == id {
			_, head := index[x.link.Head]
			_, child := index[x.link.Child]
			if head && child {
				doc.Links = append(doc.Links, x.link)
			}
		}
		if err := x.nextLink(); err != nil {
			return err
		}
	}
	return nil
}

// prefixScanner scans a row whose first column goes to first and the rest to
// the destinations given to Scan.
type prefixScanner struct {
	rows  *sql.Rows
	first any
}

func (p prefixScanner) Scan(dest ...any) error {
	return p.rows.Scan(append([]any{p.first}, dest...)...)
}
