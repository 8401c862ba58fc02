import CamplanCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A file-size limit (`ulimit -f`) then makes write(2) fail with EFBIG, which the writers
// report (exit 73), instead of killing the process with SIGXFSZ.
signal(SIGXFSZ, SIG_IGN)
CamplanCommand.main()
