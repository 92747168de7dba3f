using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations.Kernels;

public static partial class HalfElementwiseLoop
{
    // The vector width of the chunked loop (RunChunked): a block of halves (one ushort vector, two float vectors once
    // widened), its widening into the chunk, the operator over two blocks (four float vectors), and the block's narrowing,
    // checks and store. Static members of a struct type argument: the JIT compiles the loop once per width, each as if
    // written out, with these inlined.
    private interface IChunkWidth
    {
        /// <summary>Halves per block.</summary>
        static abstract nuint BlockHalves { get; }

        /// <summary>Copies one block of halves.</summary>
        static abstract void CopyHalves(ref ushort source, ref ushort destination);

        /// <summary>Widens one block of halves into the chunk (within 128-bit lanes, no fix-ups: StoreBlock checks).</summary>
        static abstract void Widen(ref ushort halves, ref float floats);

        /// <summary>Copies one block's floats.</summary>
        static abstract void CopyFloats(ref float source, ref float destination);

        /// <summary>Computes two blocks' floats in place.</summary>
        static abstract void Compute<TOperator>(ref float group, TOperator op)
            where TOperator : struct, IElementwiseOperator<float>;

        /// <summary>
        /// Narrows one block's results and stores them at <paramref name="at"/>, checked: a block that needs more than the
        /// fast conversions (an infinity or NaN in, a result that is no finite half) is computed again whole from its inputs
        /// (in place they are still there: only the blocks before it have been written); the elements on or near a tie wait
        /// in <paramref name="pending"/>, settled after the last store.
        /// </summary>
        static abstract void Store<TOperator, TExact>(ref ushort halves, ref float results, ref ushort destination, nuint at, ref PendingHalfTies pending, TOperator op, TExact exact, uint window)
            where TOperator : struct, IElementwiseOperator<float>
            where TExact : struct, IElementwiseOperator<double>;
    }

    /// <summary>AVX-512 (with BW): 32 halves a block; the operator's four-vector method where it has one.</summary>
    private readonly struct Width512 : IChunkWidth
    {
        public static nuint BlockHalves => (nuint)Vector512<ushort>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CopyHalves(ref ushort source, ref ushort destination) => Vector512.LoadUnsafe(ref source).StoreUnsafe(ref destination);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Widen(ref ushort halves, ref float floats)
        {
            Vector512<ushort> bits = Vector512.LoadUnsafe(ref halves);
            VectorMath.WidenFiniteLowerInLanes(bits).StoreUnsafe(ref floats);
            VectorMath.WidenFiniteUpperInLanes(bits).StoreUnsafe(ref floats, (nuint)Vector512<float>.Count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CopyFloats(ref float source, ref float destination)
        {
            Vector512.LoadUnsafe(ref source).StoreUnsafe(ref destination);
            Vector512.LoadUnsafe(ref source, (nuint)Vector512<float>.Count).StoreUnsafe(ref destination, (nuint)Vector512<float>.Count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Compute<TOperator>(ref float group, TOperator op)
            where TOperator : struct, IElementwiseOperator<float>
        {
            if (typeof(IInterleavedOperator<float>).IsAssignableFrom(typeof(TOperator)))
            {
                ((IInterleavedOperator<float>)op).Invoke512x4(ref group, ref group);
            }
            else
            {
                op.Invoke(Vector512.LoadUnsafe(ref group)).StoreUnsafe(ref group);
                op.Invoke(Vector512.LoadUnsafe(ref group, 16)).StoreUnsafe(ref group, 16);
                op.Invoke(Vector512.LoadUnsafe(ref group, 32)).StoreUnsafe(ref group, 32);
                op.Invoke(Vector512.LoadUnsafe(ref group, 48)).StoreUnsafe(ref group, 48);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store<TOperator, TExact>(ref ushort halves, ref float results, ref ushort destination, nuint at, ref PendingHalfTies pending, TOperator op, TExact exact, uint window)
            where TOperator : struct, IElementwiseOperator<float>
            where TExact : struct, IElementwiseOperator<double>
        {
            Vector512<ushort> bits = Vector512.LoadUnsafe(ref halves);
            Vector512<float> lower = Vector512.LoadUnsafe(ref results);
            Vector512<float> upper = Vector512.LoadUnsafe(ref results, (nuint)Vector512<float>.Count);
            if (VectorMath.NeedsFullHalfConversions(bits, lower, upper))
            {
                SettledBlockOfAnyOperator512(bits, op, exact, window).StoreUnsafe(ref destination, at);
                return;
            }

            VectorMath.NarrowFiniteInLanes(lower, upper).StoreUnsafe(ref destination, at);
            if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
            {
                HalfTies.Defer(ref pending, ref destination, at, bits, lower, upper, exact, window, inLanes: true);
            }
        }
    }

    /// <summary>AVX2: 16 halves a block; the operator one vector at a time, four per step.</summary>
    private readonly struct Width256 : IChunkWidth
    {
        public static nuint BlockHalves => (nuint)Vector256<ushort>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CopyHalves(ref ushort source, ref ushort destination) => Vector256.LoadUnsafe(ref source).StoreUnsafe(ref destination);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Widen(ref ushort halves, ref float floats)
        {
            Vector256<ushort> bits = Vector256.LoadUnsafe(ref halves);
            VectorMath.WidenFiniteLowerInLanes(bits).StoreUnsafe(ref floats);
            VectorMath.WidenFiniteUpperInLanes(bits).StoreUnsafe(ref floats, (nuint)Vector256<float>.Count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CopyFloats(ref float source, ref float destination)
        {
            Vector256.LoadUnsafe(ref source).StoreUnsafe(ref destination);
            Vector256.LoadUnsafe(ref source, (nuint)Vector256<float>.Count).StoreUnsafe(ref destination, (nuint)Vector256<float>.Count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Compute<TOperator>(ref float group, TOperator op)
            where TOperator : struct, IElementwiseOperator<float>
        {
            op.Invoke(Vector256.LoadUnsafe(ref group)).StoreUnsafe(ref group);
            op.Invoke(Vector256.LoadUnsafe(ref group, 8)).StoreUnsafe(ref group, 8);
            op.Invoke(Vector256.LoadUnsafe(ref group, 16)).StoreUnsafe(ref group, 16);
            op.Invoke(Vector256.LoadUnsafe(ref group, 24)).StoreUnsafe(ref group, 24);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store<TOperator, TExact>(ref ushort halves, ref float results, ref ushort destination, nuint at, ref PendingHalfTies pending, TOperator op, TExact exact, uint window)
            where TOperator : struct, IElementwiseOperator<float>
            where TExact : struct, IElementwiseOperator<double>
        {
            Vector256<ushort> bits = Vector256.LoadUnsafe(ref halves);
            Vector256<float> lower = Vector256.LoadUnsafe(ref results);
            Vector256<float> upper = Vector256.LoadUnsafe(ref results, (nuint)Vector256<float>.Count);
            if (VectorMath.NeedsFullHalfConversions(bits, lower, upper))
            {
                SettledBlock256(bits, op, exact, window).StoreUnsafe(ref destination, at);
                return;
            }

            VectorMath.NarrowFiniteInLanes(lower, upper).StoreUnsafe(ref destination, at);
            if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
            {
                HalfTies.Defer(ref pending, ref destination, at, bits, lower, upper, exact, window, inLanes: true);
            }
        }
    }
}
