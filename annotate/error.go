package annotate

import (
	"errors"
	"fmt"
)

// Error codes. A user-facing error carries one of these and a message written for
// the person at the keyboard; anything without a code is internal.
const (
	ECONFLICT = "conflict"  // the action clashes with what is stored (duplicate, label in use)
	EINTERNAL = "internal"  // a bug or an environment failure
	EINVALID  = "invalid"   // the input is malformed or out of range
	ENOTFOUND = "not_found" // the thing named does not exist
	ENEWER    = "newer"     // the database was written by a newer Newsmark
	ECORRUPT  = "corrupt"   // the database file is damaged: restore a backup
	EREADONLY = "readonly"  // the database can be read but not written (a read-only folder)
)

// Error is an error meant for the user: a code for programs and a message for people.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf builds a user-facing error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any
// other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
