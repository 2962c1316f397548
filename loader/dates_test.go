package loader

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021-07-20T12:49:34.954Z", "2021-07-20T12:49:34.954Z"},
		{"2021-07-20T12:49:34+02:00", "2021-07-20T12:49:34+02:00"},
		{"2021-07-20", "2021-07-20T00:00:00Z"},
		{"2021-07-20 12:49:34", "2021-07-20T12:49:34Z"},
		{"Tue, 20 Jul 2021 12:49:34 GMT", "2021-07-20T12:49:34Z"},
		{"Tue, 20 Jul 2021 12:49:34 +0200", "2021-07-20T12:49:34+02:00"},
		{"20 Jul 21 12:49 UTC", "2021-07-20T12:49:00Z"},
		{"July 20, 2021", "2021-07-20T00:00:00Z"},
		{"Jul. 20, 2021", "2021-07-20T00:00:00Z"},
		{"20 July 2021", "2021-07-20T00:00:00Z"},
		{"21st December, 2020", "2020-12-21T00:00:00Z"},
		{"Tuesday, July 20th, 2021", "2021-07-20T00:00:00Z"},
		{"24-03-2022 05:34 IST", "2022-03-24T05:34:00Z"},
		{"2021/07/20", "2021-07-20T00:00:00Z"},
		{"20.07.2021", "2021-07-20T00:00:00Z"},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tc.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tc.in, s, tc.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "not a date", "99999"} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, got)
		}
	}
}
