// net and os/user without any C code of its own: the go command links such a program with Go's
// internal linker by default, reading runtime/cgo, net and os/user's C objects itself.
package main

import (
	"fmt"
	"net"
	"os"
	"os/user"
	"strconv"
)

func main() {
	addrs, err := net.LookupHost("localhost") // -tags netcgo: getaddrinfo
	if err != nil {
		fmt.Println("net: lookup:", err)
		os.Exit(1)
	}
	found := false
	for _, a := range addrs {
		found = found || a == "127.0.0.1"
	}
	u, err := user.LookupId(strconv.Itoa(os.Getuid())) // getpwuid_r
	if err != nil {
		fmt.Println("os/user:", err)
		os.Exit(1)
	}
	fmt.Printf("netuser: localhost has 127.0.0.1=%v, uid %d has a name=%v\n", found, os.Getuid(), u.Username != "")
}
