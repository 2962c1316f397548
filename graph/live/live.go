// Package live is the in-process broker that feeds the statementAdded
// subscription: writers publish the statements an article load touched, and
// every subscriber gets them over its own buffered channel.
//
// The API's ingestArticle mutation publishes by itself. Any other writer in
// the same process (a folder watcher, a scheduled feed poll) publishes the
// statements its PutArticle results name:
//
//	res, err := st.PutArticle(ctx, g)
//	if err == nil && !res.Unchanged {
//		stmts, _ := st.GetStatements(ctx, res.Statements)
//		broker.Publish(stmts...)
//	}
package live

import (
	"context"
	"log/slog"
	"sync"

	"github.com/demarche/demarche/store"
)

// DefaultBuffer is how many statements a subscriber may lag behind before
// statements are dropped for it.
const DefaultBuffer = 64

// Broker fans published statements out to subscribers. The zero value is not
// usable; call NewBroker. A Broker is safe for concurrent use.
type Broker struct {
	mu   sync.Mutex
	subs map[*subscriber]struct{}
}

type subscriber struct {
	ch chan store.Statement
}

// NewBroker returns a broker without subscribers.
func NewBroker() *Broker {
	return &Broker{subs: map[*subscriber]struct{}{}}
}

// Subscribe returns a channel that receives every statement published from now
// on until ctx is done, when the channel is closed. A subscriber that falls more
// than buffer statements behind misses statements rather than slowing writers
// (buffer <= 0 means DefaultBuffer).
func (b *Broker) Subscribe(ctx context.Context, buffer int) <-chan store.Statement {
	if buffer <= 0 {
		buffer = DefaultBuffer
	}
	s := &subscriber{ch: make(chan store.Statement, buffer)}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, s)
		close(s.ch)
		b.mu.Unlock()
	}()
	return s.ch
}

// Subscribers is the number of live subscriptions.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// Publish sends statements to every subscriber without blocking: a subscriber
// whose buffer is full misses them (and a warning is logged).
func (b *Broker) Publish(stmts ...store.Statement) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		for _, st := range stmts {
			select {
			case s.ch <- st:
			default:
				slog.Warn("live: subscriber too slow, statement dropped", "statement", st.ID)
			}
		}
	}
}
