namespace System;

/// <summary>A method that takes no arguments and returns a value.</summary>
/// <typeparam name="TResult">The type of the result.</typeparam>
public delegate TResult Func<out TResult>();

/// <summary>A method that takes 1 argument and returns a value.</summary>
/// <typeparam name="T">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg">An argument.</param>
public delegate TResult Func<in T, out TResult>(T arg);

/// <summary>A method that takes 2 arguments and returns a value.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);

/// <summary>A method that takes 3 arguments and returns a value.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 arg1, T2 arg2, T3 arg3);

/// <summary>A method that takes 4 arguments and returns a value.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
public delegate TResult Func<in T1, in T2, in T3, in T4, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);

/// <summary>A method that takes 5 arguments and returns a value.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <typeparam name="T5">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
/// <param name="arg5">An argument.</param>
public delegate TResult Func<in T1, in T2, in T3, in T4, in T5, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);

/// <summary>A method that takes 6 arguments and returns a value.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <typeparam name="T5">The type of an argument.</typeparam>
/// <typeparam name="T6">The type of an argument.</typeparam>
/// <typeparam name="TResult">The type of the result.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
/// <param name="arg5">An argument.</param>
/// <param name="arg6">An argument.</param>
public delegate TResult Func<in T1, in T2, in T3, in T4, in T5, in T6, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
