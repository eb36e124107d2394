"""Where the lab's system tools are, found once (iproute2's `ip` and `tc`, and `nft`)."""

from __future__ import annotations

import shutil


def _tool(name: str) -> str:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin") or name


IP = _tool("ip")
NFT = _tool("nft")
TC = _tool("tc")


def netns_exec(namespace: str) -> list[str]:
    """The command prefix that runs what follows inside network namespace `namespace`."""
    return [IP, "netns", "exec", namespace]
