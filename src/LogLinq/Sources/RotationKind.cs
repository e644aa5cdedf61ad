namespace LogLinq.Sources;

/// <summary>
/// How a file's name tells which copy of a rotated log it is. The values are in the order that
/// <see cref="RotationOrder"/> gives copies of one log whose names are of different kinds: oldest first.
/// </summary>
internal enum RotationKind
{
    /// <summary>
    /// A logrotate number (<c>access.log.3</c>): the higher, the older. Put before the other kinds
    /// because a log whose copies are both numbered and dated most likely moved from numbering to
    /// <c>dateext</c> (the default of several distributions), which leaves the numbered copies behind.
    /// </summary>
    Numbered,

    /// <summary>A date or another stamp made of digits (<c>access.log-20231101</c>, <c>access-log-0108</c>): ascending.</summary>
    Stamped,

    /// <summary>No rotation suffix: the live file, written to now, so the newest.</summary>
    Live,
}
