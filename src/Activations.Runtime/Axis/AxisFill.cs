namespace Activations;

/// <summary>Writes NaN along an undefined line (a NaN or +∞ in it, or nothing but -∞).</summary>
internal static class AxisFill
{
    public static void NaN<T>(ref T destination, nint stride, int n)
    {
        for (nint k = 0; k < n; k++)
        {
            AxisElement.Write(ref destination, k * stride, double.NaN);
        }
    }
}
