"""The Qt-free core: domain, storage and everything the CLI and the GUI share."""
