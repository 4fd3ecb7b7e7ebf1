module example.com/tracelinttest

go 1.26.0

require (
	go.opentelemetry.io/otel v1.47.0
	go.opentelemetry.io/otel/trace v1.47.0
	golang.org/x/sync v0.24.0
)

require (
	github.com/DataDog/dd-trace-go/v2 v2.0.0
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/go-logr/logr v1.4.4 // indirect
	github.com/go-logr/stdr v1.2.2 // indirect
	github.com/spf13/cobra v0.0.0
	github.com/urfave/cli/v3 v3.0.0
	go.opencensus.io v0.0.0
	go.opentelemetry.io/auto/sdk v1.2.1 // indirect
	go.opentelemetry.io/otel/log v1.47.0
	go.opentelemetry.io/otel/metric v1.47.0
	google.golang.org/grpc v0.0.0
	gopkg.in/DataDog/dd-trace-go.v1 v1.0.0
)

replace go.opencensus.io => ./stubs/opencensus

replace github.com/spf13/cobra => ./stubs/cobra

replace google.golang.org/grpc => ./stubs/grpc

replace github.com/urfave/cli/v3 => ./stubs/urfavecli

replace gopkg.in/DataDog/dd-trace-go.v1 => ./stubs/ddv1

replace github.com/DataDog/dd-trace-go/v2 => ./stubs/ddv2
