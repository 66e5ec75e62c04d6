package main

import "os"

// isTerminal reports whether f is a character device (a terminal), the
// standard library's way: progress is for people, never for a pipe or a
// CI log.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
