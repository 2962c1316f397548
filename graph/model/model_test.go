package model

import (
	"strings"
	"testing"
	"time"
)

func TestDateScalar(t *testing.T) {
	var b strings.Builder
	MarshalDate(time.Date(2026, 3, 14, 23, 0, 0, 0, time.FixedZone("x", -3600))).MarshalGQL(&b)
	if b.String() != `"2026-03-15"` {
		t.Errorf("marshal: %s", b.String())
	}
	for in, want := range map[string]string{"2026-03-14": "2026-03-14", "2026-03-14T23:30:00-02:00": "2026-03-15"} {
		got, err := UnmarshalDate(in)
		if err != nil || got.Format(time.DateOnly) != want || got.Location() != time.UTC {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	for _, bad := range []any{"14/03/2026", 20260314, nil} {
		if _, err := UnmarshalDate(bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
