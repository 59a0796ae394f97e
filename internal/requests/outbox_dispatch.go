package requests

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// ErrUndeliverable marks a message a channel will never deliver, however
// often it is tried (a number the gateway refuses, a message it cannot
// take): Dispatch gives it up at once instead of trying it again.
var ErrUndeliverable = errors.New("undeliverable")

// Undeliverable marks err as the refusal of a message for good.
func Undeliverable(err error) error { return fmt.Errorf("%w: %w", ErrUndeliverable, err) }

// dispatchBatch is how many messages one round of DispatchEvery hands
// over at most; the rest wait for the next round.
const dispatchBatch = 50

// DispatchEvery hands the pending messages of snd's channel to it, then
// again every interval, until ctx is cancelled. A message refused for a
// passing reason stays pending and is tried at the next round, up to
// maxAttempts in all.
func (s *Service) DispatchEvery(ctx context.Context, snd Sender, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sent, err := s.Dispatch(ctx, snd, dispatchBatch)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("outbox", "channel", snd.Channel(), "err", err)
		case sent > 0:
			logger.Info("outbox", "channel", snd.Channel(), "sent", sent)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
