using System;
using System.Text;

namespace Activations.Generator.Emit;

/// <summary>Writes C# text line by line at the current indentation (four spaces a level).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _level;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _level * 4);
        }

        _text.Append(line).Append('\n');
    }

    /// <summary>Writes <c>{</c>, and indents until the returned scope is disposed, which writes <c>}</c> (plus an optional suffix such as <c>;</c>).</summary>
    public Block OpenBlock(string suffix = "")
    {
        Line("{");
        _level++;
        return new Block(this, suffix);
    }

    public void Indent() => _level++;

    public void Outdent() => _level--;

    public override string ToString() => _text.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _suffix;

        public Block(IndentedWriter writer, string suffix)
        {
            _writer = writer;
            _suffix = suffix;
        }

        public void Dispose()
        {
            _writer._level--;
            _writer.Line("}" + _suffix);
        }
    }
}
