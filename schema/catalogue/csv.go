package catalogue

import (
	"encoding/csv"
	"io"
	"strconv"

	"scanpage/schema"
)

// CSVHeader names the columns of the CSV format, one row per issue.
var CSVHeader = []string{"file", "line", "column", "document_line", "keystr", "title", "severity", "code", "errcode", "path", "message"}

// CSV writes one row per issue, for a spreadsheet: the document's own
// issues and the cross-document ones at it, in input order, then those
// found at the end (and the merchant context's first). The file starts
// with a UTF-8 byte order mark, so that spreadsheets read CJK text as
// UTF-8. A cell a spreadsheet would run as a formula (starting with =, +,
// -, @, a tab or a carriage return) is written with a leading apostrophe:
// documents are the merchant's data, and a title like "=HYPERLINK(…)" must
// stay text. A valid document with no issue has no row.
type CSV struct {
	w *csv.Writer
}

// NewCSV returns a CSV writer to w.
func NewCSV(w io.Writer) *CSV {
	io.WriteString(w, "\uFEFF")
	return &CSV{w: csv.NewWriter(w)}
}

// Cell makes a value safe as a spreadsheet cell (see CSV).
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func (c *CSV) row(name string, docLine int, p *schema.ProductSummary, is schema.Issue) {
	keystr, title := "", ""
	if p != nil {
		keystr, title = p.KeyStr, p.Title
	}
	errcode := ""
	if is.Errcode != 0 {
		errcode = strconv.Itoa(is.Errcode)
	}
	c.w.Write([]string{Cell(name), strconv.Itoa(is.Line), strconv.Itoa(is.Column), strconv.Itoa(docLine),
		Cell(keystr), Cell(title), string(is.Severity), Cell(is.Code), errcode, Cell(is.Path), Cell(is.Message)})
}

// Merchant writes the header and the merchant context's issues.
func (c *CSV) Merchant(issues []schema.CatalogueIssue) error {
	c.w.Write(CSVHeader)
	for _, ci := range issues {
		c.row(ci.Name, ci.Line, nil, ci.Issue)
	}
	return c.w.Error()
}

// Document writes the document's issues and the cross-document ones at it.
func (c *CSV) Document(r Result) error {
	for _, is := range r.Issues {
		c.row(r.Ref.Name, r.Ref.Line, r.Product, is)
	}
	for _, ci := range r.Catalogue {
		c.row(ci.Name, ci.Line, r.Product, ci.Issue)
	}
	return c.w.Error()
}

// Finish writes the issues found at the end and flushes.
func (c *CSV) Finish(cat []schema.CatalogueIssue, _ schema.Summary) error {
	for _, ci := range cat {
		c.row(ci.Name, ci.Line, nil, ci.Issue)
	}
	c.w.Flush()
	return c.w.Error()
}
