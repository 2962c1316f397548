package sqlitestore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"

	"github.com/demarche/demarche/store"
)

var _ store.Versioned = (*Store)(nil)

// processID tells this process's versions from another's: view generations
// restart at 1 in every process.
var processID = func() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}()

// genSeq numbers the views of every store of the process.
var genSeq atomic.Uint64

func nextGen() uint64 { return genSeq.Add(1) }

// Version returns the generation of the view readers use now (see
// store.Versioned). Every committed write publishes a new view, and so does
// catching up with another process's write, which readers notice within
// freshInterval (a second): the token lags another process's commit by at most
// that, exactly as the cached results of the view do. It costs no SQL, or the
// one data_version check readers run once per freshInterval anyway.
//
// A token is the process's random id and the view's generation, unique in the
// process across every store it opens: a store reopened, deleted and recreated,
// or written by another process never repeats one.
func (s *Store) Version(context.Context) (string, error) {
	v := s.currentView()
	return processID + "." + strconv.FormatUint(v.gen, 10), nil
}
