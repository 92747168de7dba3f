using System.Runtime.CompilerServices;

namespace Activations.Kernels;

/// <summary>
/// Elements of a Half span whose float result lies on or near a Half midpoint, waiting to be settled in double (their
/// destination offsets and input bits). The chunked Half loops collect them and settle them in groups (HalfTies.Settle
/// settles one block's through a group of its own): one element's
/// double operator is a long dependency chain (about 30 ns for sigmoid's, against 7 ns of throughput), and settled one at
/// a time in the loop each flagged element cost that whole chain; in a group the chains overlap. The last group is settled
/// after the loop's last store, so that a settled element is never overwritten (the overlapping last block rewrites
/// elements of the block before it, with the same values, flags included).
/// </summary>
internal unsafe struct PendingHalfTies
{
    /// <summary>Elements collected before a group is settled.</summary>
    private const int Capacity = 16;

    private fixed ushort _inputs[Capacity];
    private fixed int _offsets[Capacity];
    private int _count;

    /// <summary>Adds the element at <paramref name="offset"/> of <paramref name="destination"/>, settling the group first when it is full.</summary>
    public void Add<TExact>(ref ushort destination, nuint offset, ushort input, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        if (_count == Capacity)
        {
            Settle(ref destination, exact);
        }

        _inputs[_count] = input;
        _offsets[_count] = (int)offset; // a span's offsets are below int.MaxValue
        _count++;
    }

    /// <summary>Writes each collected element's double result, rounded to Half, and empties the group.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Settle<TExact>(ref ushort destination, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        for (int i = 0; i < _count; i++)
        {
            Unsafe.Add(ref destination, (nuint)_offsets[i]) = HalfTies.FromDouble(_inputs[i], exact);
        }

        _count = 0;
    }

    /// <summary>Whether any element waits.</summary>
    public readonly bool IsEmpty => _count == 0;
}
