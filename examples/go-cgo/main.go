// A Go program with cgo: a C function that starts POSIX threads, the net package on loopback
// (with a name lookup through the C resolver) and os/user (getpwuid_r through cgo). Every line is
// the same on every glibc it runs on, except the last one, which names that glibc.
package main

/*
#cgo LDFLAGS: -pthread
#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdlib.h>

static void *square(void *arg) {
	long n = (long)arg;
	return (void *)(n * n);
}

// Sums the squares of 1..n, each computed by its own POSIX thread.
static long sum_of_squares_in_threads(int n) {
	pthread_t threads[16];
	long sum = 0;
	if (n > 16)
		return -1;
	for (long i = 0; i < n; i++)
		if (pthread_create(&threads[i], NULL, square, (void *)(i + 1)) != 0)
			return -1;
	for (int i = 0; i < n; i++) {
		void *result;
		pthread_join(threads[i], &result);
		sum += (long)result;
	}
	return sum;
}

static const char *glibc_version(void) { return gnu_get_libc_version(); }
*/
import "C"

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/user"
	"strconv"
	"strings"
)

func main() {
	fmt.Printf("cgo: sum of squares 1..8 from pthreads = %d\n", C.sum_of_squares_in_threads(8))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("net: listen:", err)
		os.Exit(1)
	}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		line, _ := bufio.NewReader(c).ReadString('\n')
		fmt.Fprint(c, strings.ToUpper(line))
		c.Close()
	}()
	// Built with -tags netcgo: the cgo resolver (getaddrinfo and the runtime's NSS modules).
	addrs, err := net.LookupHost("localhost")
	if err != nil {
		fmt.Println("net: lookup:", err)
		os.Exit(1)
	}
	found := false
	for _, a := range addrs {
		found = found || a == "127.0.0.1"
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		fmt.Println("net: dial:", err)
		os.Exit(1)
	}
	fmt.Fprint(c, "ping over loopback\n")
	reply, _ := bufio.NewReader(c).ReadString('\n')
	fmt.Printf("net: localhost has 127.0.0.1=%v, echo %q\n", found, strings.TrimSpace(reply))

	u, err := user.Current()
	if err != nil {
		fmt.Println("os/user:", err)
		os.Exit(1)
	}
	// user.LookupId goes through getpwuid_r (cgo) rather than the cached current user.
	byID, err := user.LookupId(strconv.Itoa(os.Getuid()))
	if err != nil {
		fmt.Println("os/user: lookup:", err)
		os.Exit(1)
	}
	fmt.Printf("os/user: current uid matches=%v, lookup by id gives the same name=%v\n",
		u.Uid == strconv.Itoa(os.Getuid()), byID.Username == u.Username && u.Username != "")
	fmt.Printf("glibc: %s\n", C.GoString(C.glibc_version()))
}
