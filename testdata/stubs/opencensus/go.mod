module go.opencensus.io

go 1.26.0
