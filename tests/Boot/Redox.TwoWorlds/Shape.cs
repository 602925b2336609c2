namespace Redox.TwoWorlds;

/// <summary>Classes with virtual dispatch, as scheme drivers are.</summary>
public abstract class Shape
{
    /// <summary>Area in whole units.</summary>
    public abstract int Area();

    /// <summary>A tag that subclasses may override.</summary>
    public virtual int Tag() => 1;
}

/// <summary>A rectangle.</summary>
public sealed class Rectangle : Shape
{
    private readonly int _width, _height;

    /// <summary>Creates a rectangle.</summary>
    public Rectangle(int width, int height)
    {
        _width = width;
        _height = height;
    }

    /// <inheritdoc/>
    public override int Area() => _width * _height;
}

/// <summary>A square, overriding the tag too.</summary>
public sealed class Square : Shape
{
    private readonly int _side;

    /// <summary>Creates a square.</summary>
    public Square(int side) => _side = side;

    /// <inheritdoc/>
    public override int Area() => _side * _side;

    /// <inheritdoc/>
    public override int Tag() => 2;
}
