"""The encrypted archive format: round trips, and every kind of damage refused with a message that says so."""

import io
import json
import os
import tarfile

import pytest

from app.services.backup_archive import (
    ENV_KDF_N,
    MAGIC,
    ArchiveError,
    DecryptingReader,
    EncryptingWriter,
    KdfParams,
    WrongPassphrase,
    default_kdf,
)
from app.services.backup_restore import extract

FAST = KdfParams(1024, 8, 1)
CHUNK = 4096
PASS = "长城-passphrase-2026"


def seal(data: bytes, passphrase: str = PASS, chunk: int = CHUNK) -> bytes:
    out = io.BytesIO()
    w = EncryptingWriter(out, passphrase, FAST, chunk_size=chunk)
    for i in range(0, len(data), 1000):  # many small writes, as tarfile does
        w.write(data[i:i + 1000])
    w.close()
    return out.getvalue()


def unseal(blob: bytes, passphrase: str = PASS) -> bytes:
    r = DecryptingReader(io.BytesIO(blob), passphrase)
    parts = []
    while part := r.read(3000):
        parts.append(part)
    return b"".join(parts)


def header_len(blob: bytes) -> int:
    return len(MAGIC) + 4 + int.from_bytes(blob[8:12], "big") + 32


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 517])
def test_round_trip_of_any_length(size):
    data = os.urandom(size)
    blob = seal(data)
    assert unseal(blob) == data
    chunks = max(1, -(-size // CHUNK))
    assert len(blob) == header_len(blob) + size + 16 * chunks


def test_passphrase_is_unicode_normalised():
    # The same passphrase typed with a composed or a decomposed accent opens the same archive.
    assert unseal(seal(b"x", "Ame\u0301lie-2026"), "Am\u00e9lie-2026") == b"x"


def test_wrong_passphrase_is_refused_before_any_data_is_read():
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        DecryptingReader(io.BytesIO(seal(b"data")), "not-the-passphrase")


def test_a_file_that_is_not_a_backup_is_named_so():
    with pytest.raises(ArchiveError, match="not an MDT Desk backup"):
        DecryptingReader(io.BytesIO(b"PK\x03\x04" + os.urandom(5000)), PASS)
    with pytest.raises(ArchiveError, match="not an MDT Desk backup"):
        DecryptingReader(io.BytesIO(b""), PASS)


def test_a_newer_format_is_named_so():
    blob = seal(b"data")
    end = header_len(blob) - 32
    header = json.loads(blob[12:end])
    header["format"] = 2
    raw = json.dumps(header).encode()
    forged = MAGIC + len(raw).to_bytes(4, "big") + raw + blob[end:]
    with pytest.raises(ArchiveError, match="newer version"):
        DecryptingReader(io.BytesIO(forged), PASS)


def flip(blob: bytes, at: int) -> bytes:
    b = bytearray(blob)
    b[at] ^= 0x01
    return bytes(b)


@pytest.fixture(scope="module")
def sealed():
    data = os.urandom(4 * CHUNK + 100)  # five chunks
    return data, seal(data)


def test_every_single_bit_flip_in_the_header_is_refused(sealed):
    _data, blob = sealed
    for at in range(header_len(blob)):
        with pytest.raises(ArchiveError):
            unseal(flip(blob, at))


@pytest.mark.parametrize("where", ["first", "middle", "last", "last tag"])
def test_a_flipped_byte_in_a_chunk_is_refused_with_its_position(sealed, where):
    _data, blob = sealed
    h, block = header_len(blob), CHUNK + 16
    at = {"first": h + 5, "middle": h + 2 * block + 77, "last": h + 4 * block + 3, "last tag": len(blob) - 1}[where]
    with pytest.raises(ArchiveError, match="damaged") as e:
        unseal(flip(blob, at))
    assert "byte" in str(e.value)


@pytest.mark.parametrize("cut", ["one byte", "last chunk", "two chunks", "mid chunk", "header only"])
def test_a_truncated_file_is_refused(sealed, cut):
    _data, blob = sealed
    h, block = header_len(blob), CHUNK + 16
    keep = {"one byte": len(blob) - 1, "last chunk": h + 4 * block, "two chunks": h + 3 * block,
            "mid chunk": h + 2 * block + 1000, "header only": h}[cut]
    with pytest.raises(ArchiveError, match="incomplete"):
        unseal(blob[:keep])


def test_reordered_removed_and_appended_chunks_are_refused(sealed):
    _data, blob = sealed
    h, block = header_len(blob), CHUNK + 16
    chunks = [blob[h + i * block:h + (i + 1) * block] for i in range(5)]
    for forged in (
        blob[:h] + chunks[1] + chunks[0] + b"".join(chunks[2:]),  # swapped
        blob[:h] + chunks[0] + b"".join(chunks[2:]),  # one removed
        blob + os.urandom(100),  # appended
        blob + chunks[4],  # last chunk repeated
    ):
        with pytest.raises(ArchiveError):
            unseal(forged)


def test_a_chunk_from_another_archive_with_the_same_passphrase_is_refused(sealed):
    data, blob = sealed
    other = seal(data)  # same content and passphrase, fresh salt and nonce prefix
    h = header_len(blob)
    with pytest.raises(ArchiveError):
        unseal(blob[:h] + other[h:])


def test_user_default_kdf_is_strong_and_the_test_override_is_bounded(monkeypatch):
    monkeypatch.delenv(ENV_KDF_N, raising=False)
    assert default_kdf() == KdfParams(2**17, 8, 1)  # 128 MiB, ~0.7 s here
    monkeypatch.setenv(ENV_KDF_N, "1024")
    assert default_kdf().n == 1024
    for bad in ("1000", "16", "x", str(2**24)):
        monkeypatch.setenv(ENV_KDF_N, bad)
        assert default_kdf().n == 2**17


def forged_archive(members: list[tuple[str, bytes]]) -> bytes:
    """A tar sealed with the right passphrase but built by hand: what an insider or a bug could produce."""
    out = io.BytesIO()
    enc = EncryptingWriter(out, PASS, FAST)
    with tarfile.open(fileobj=enc, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            tar.addfile(ti, io.BytesIO(data))
    enc.close()
    return out.getvalue()


INFO = json.dumps({"format": 1, "app_version": "0.1.0", "schema_revision": "0001", "created_at": "x",
                   "hospital": "h", "counts": {}}).encode()


@pytest.mark.parametrize("members, problem", [
    ([("info.json", INFO), ("../evil", b"x")], "unexpected member"),
    ([("info.json", INFO), ("blobs/ab/" + "cd" * 32, b"x")], "misplaced"),
    ([("db/mdt.sqlite", b"x")], "no description"),
    ([("info.json", INFO), ("db/mdt.sqlite", b"x")], "no manifest"),
    ([("info.json", INFO), ("db/mdt.sqlite", b"x"), ("manifest.json", json.dumps(dict(
        json.loads(INFO), members=[{"name": "info.json", "size": len(INFO), "sha256": "0" * 64}])).encode())],
     "SHA-256"),
])
def test_member_rules_hold_even_with_the_right_passphrase(tmp_path, members, problem):
    blob = forged_archive(members)
    with pytest.raises(ArchiveError, match=problem):
        extract(DecryptingReader(io.BytesIO(blob), PASS), tmp_path / "staging")
    assert not (tmp_path / "evil").exists()
