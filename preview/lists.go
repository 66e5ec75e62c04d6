package preview

import "fmt"

// ShownPerList is the most items of one list that a page draws. A real
// product has a handful of each (the schema allows 6 banners); a document
// with thousands (10,000 recommendations fit in the 1 MiB limit) would
// otherwise give a page of tens of megabytes, which the browser then takes
// seconds to lay out. The items past the cap are still validated: only the
// drawing stops, with a note that says how many were left out.
const ShownPerList = 100

// cut keeps the first ShownPerList items of list and returns the note that
// stands for the rest, or "" when nothing was cut.
func cut[T any](list *[]T, l *labels) string {
	n := len(*list) - ShownPerList
	if n <= 0 {
		return ""
	}
	*list = (*list)[:ShownPerList:ShownPerList]
	return notShown(n, l)
}

// notShown returns the note that stands for n items not drawn, or "" when
// n is 0. A list whose items are dear to draw stops at the cap and counts
// the rest itself.
func notShown(n int, l *labels) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(l.NotShown, n, ShownPerList)
}
