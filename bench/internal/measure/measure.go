// Package measure runs a command and records what it cost the machine:
// wall time, CPU time (user and system, of the process and of the
// children it waited for) and peak resident memory (of the largest single
// process among them, as the kernel's rusage reports it).
package measure

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

// Sample is one run of a command.
type Sample struct {
	Wall   time.Duration
	CPU    time.Duration
	RSS    int64 // bytes
	Exit   int
	Stdout []byte
	Stderr []byte
}

// Run runs the command and measures it. A command that exits with a
// non-zero status is measured all the same; only one that could not be
// started is an error.
func Run(cmd *exec.Cmd) (Sample, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	s := Sample{Wall: time.Since(start), Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if cmd.ProcessState == nil {
		return s, err
	}
	s.Exit = cmd.ProcessState.ExitCode()
	s.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.RSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return s, nil
}

// Stats is the median of several samples of one command, each figure taken
// on its own.
type Stats struct {
	Wall, CPU time.Duration
	RSS       int64
	N         int
	Exit      int // the highest exit status of the samples
}

// Median returns the per-figure medians of the samples.
func Median(samples []Sample) Stats {
	if len(samples) == 0 {
		return Stats{}
	}
	var walls, cpus []time.Duration
	var rsss []int64
	exit := 0
	for _, s := range samples {
		walls = append(walls, s.Wall)
		cpus = append(cpus, s.CPU)
		rsss = append(rsss, s.RSS)
		exit = max(exit, s.Exit)
	}
	return Stats{Wall: median(walls), CPU: median(cpus), RSS: median(rsss), N: len(samples), Exit: exit}
}

func median[T int64 | time.Duration](xs []T) T {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// String formats the stats as "wall / CPU / RSS".
func (s Stats) String() string {
	if s.N == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f s / %.1f s / %s", s.Wall.Seconds(), s.CPU.Seconds(), MB(s.RSS))
}

// MB formats a byte count in megabytes.
func MB(b int64) string { return fmt.Sprintf("%d MB", b/1e6) }

// Ratio formats a/b with two decimals, or — when b is zero.
func Ratio[T int64 | time.Duration](a, b T) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}
