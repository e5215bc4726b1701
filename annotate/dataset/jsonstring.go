package dataset

// AppendJSONString appends s as a JSON string, as the encoders here write them
// (quotes, backslashes and control characters escaped, everything else as
// UTF-8), for other packages that write JSON by hand (suggestions).
func AppendJSONString(buf []byte, s string) []byte { return appendJSONString(buf, s) }
