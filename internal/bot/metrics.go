package bot

import "github.com/prometheus/client_golang/prometheus"

// Metrics counts updates in and messages out.
type Metrics struct {
	updates  prometheus.Counter
	messages *prometheus.CounterVec
}

// Results of a message, the label of jol_bot_messages_total.
const (
	ResultSent      = "sent"
	ResultSimulated = "simulated" // to the chat simulator: never sent
	ResultRetried   = "retried"   // a transient failure or a 429: tried again later
	ResultFailed    = "failed"    // given up: blocked, rejected or out of attempts
)

// NewMetrics makes the counters; register Collectors() to expose them.
func NewMetrics() *Metrics {
	m := &Metrics{
		updates: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "jol_bot_updates_total", Help: "Telegram updates processed by the bot.",
		}),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jol_bot_messages_total", Help: "Bot messages by result: sent, simulated, retried, failed.",
		}, []string{"result"}),
	}
	for _, r := range []string{ResultSent, ResultSimulated, ResultRetried, ResultFailed} {
		m.messages.WithLabelValues(r)
	}
	return m
}

// Collectors are the counters to register.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.updates, m.messages}
}

func (m *Metrics) message(result string) { m.messages.WithLabelValues(result).Inc() }
