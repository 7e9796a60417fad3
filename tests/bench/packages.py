"""Package container throughput and memory: seal a large file into a .mdtpkg and read it back, verifying.

    .venv/bin/python tests/bench/packages.py [--mb 1024] [--work /tmp/mdt-desk-bench/packages]

Prints MB/s for writing (encrypting) and reading (decrypting + SHA-256 of the entry, as an import does) and
the peak resident memory of this process, which must stay far below the package size (streamed both ways).
scrypt runs at its real cost (n = 2**17) once per direction; its time is reported separately.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--work", default="/tmp/mdt-desk-bench/packages")
    args = ap.parse_args()
    from app.packages import container

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    big = work / "big.bin"
    if not big.is_file() or big.stat().st_size != args.mb << 20:
        with open(big, "wb") as f:
            for _ in range(args.mb):
                f.write(os.urandom(1 << 20))
    t = time.perf_counter()
    container._derive("x" * 12, b"s" * 16, container.KDF_N, 8, 1)
    kdf = time.perf_counter() - t
    before = peak_mb()
    out = work / "big.mdtpkg"
    t = time.perf_counter()
    with open(out, "wb") as f:
        container.write_package(f, "bench-passphrase", [container.Entry("files/big", big.stat().st_size, path=big)])
    write_s = time.perf_counter() - t - kdf
    t = time.perf_counter()
    h = hashlib.sha256()
    with container.PackageReader(out, "bench-passphrase") as r:
        for _name, _size, pieces in r.entries():
            for piece in pieces:
                h.update(piece)
    read_s = time.perf_counter() - t - kdf
    print(f"package of {args.mb} MB: scrypt {kdf:.2f} s; write {args.mb / write_s:.0f} MB/s ({write_s:.1f} s); "
          f"read+verify {args.mb / read_s:.0f} MB/s ({read_s:.1f} s)")
    print(f"peak RSS {peak_mb():.0f} MB (before sealing: {before:.0f} MB)")
    out.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
