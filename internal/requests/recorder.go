package requests

import (
	"context"
	"slices"
	"sync"
)

// recorderLimit is how many messages a Recorder keeps; older ones are
// dropped.
const recorderLimit = 1000

// Recorder is a Sender that delivers nothing: it keeps the messages it is
// given in memory, for tests: it stands for a phone or a gateway.
type Recorder struct {
	ch   OutboxChannel
	mu   sync.Mutex
	msgs []Message
}

// NewRecorder returns a Recorder of channel ch.
func NewRecorder(ch OutboxChannel) *Recorder { return &Recorder{ch: ch} }

// Channel is the recorder's channel.
func (r *Recorder) Channel() OutboxChannel { return r.ch }

// Send keeps m.
func (r *Recorder) Send(_ context.Context, m Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.msgs) == recorderLimit {
		r.msgs = slices.Delete(r.msgs, 0, 1)
	}
	r.msgs = append(r.msgs, m)
	return nil
}

// Messages returns the messages kept, oldest first.
func (r *Recorder) Messages() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.msgs)
}

// Last returns the latest message sent about request id.
func (r *Recorder) Last(id int64) (Message, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.msgs) - 1; i >= 0; i-- {
		if r.msgs[i].RequestID == id {
			return r.msgs[i], true
		}
	}
	return Message{}, false
}
