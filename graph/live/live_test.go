package live

import (
	"context"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
)

func TestBrokerFansOutAndForgetsGoneSubscribers(t *testing.T) {
	b := NewBroker()
	ctx1, cancel1 := context.WithCancel(context.Background())
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	one, two := b.Subscribe(ctx1, 4), b.Subscribe(ctx2, 1)
	if b.Subscribers() != 2 {
		t.Fatalf("%d subscribers", b.Subscribers())
	}
	b.Publish(store.Statement{ID: "s1"}, store.Statement{ID: "s2"})
	if got := (<-one).ID + (<-one).ID; got != "s1s2" {
		t.Errorf("first subscriber got %q", got)
	}
	// The second's buffer holds one: s2 was dropped rather than block the writer.
	if got := (<-two).ID; got != "s1" {
		t.Errorf("second subscriber got %q", got)
	}
	select {
	case s := <-two:
		t.Errorf("a dropped statement arrived: %v", s.ID)
	default:
	}
	cancel1()
	deadline := time.Now().Add(2 * time.Second)
	for b.Subscribers() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("%d subscribers after cancel", b.Subscribers())
		}
		time.Sleep(time.Millisecond)
	}
	if _, open := <-one; open {
		t.Errorf("a cancelled subscription's channel is still open")
	}
}
