package app

import "context"

// latest runs a screen's loads so that only the newest one is applied: starting a load
// cancels the one before, and a result that arrives after a newer load started is dropped.
// Call Go on the UI goroutine (the apply functions run there too).
type latest struct {
	gen    int
	cancel context.CancelFunc
}

// Go starts work off the UI goroutine (ui.Go); the function it returns is applied on the UI
// goroutine only if no newer load was started meanwhile.
func (l *latest) Go(ui *UI, work func(ctx context.Context) func()) {
	if l.cancel != nil {
		l.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	l.gen++
	gen := l.gen
	ui.Go(ctx, func(ctx context.Context) func() {
		apply := work(ctx)
		if apply == nil {
			return nil
		}
		return func() {
			if gen == l.gen {
				apply()
			}
		}
	})
}

// Stop cancels the load under way (if any).
func (l *latest) Stop() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	l.gen++
}
