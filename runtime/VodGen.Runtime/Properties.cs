// Signing works in stack buffers that are always written before they are read; zeroing them is wasted time.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
