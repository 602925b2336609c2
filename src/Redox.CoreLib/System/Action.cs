namespace System;

/// <summary>A method that takes no arguments and returns nothing.</summary>
public delegate void Action();

/// <summary>A method that takes 1 argument and returns nothing.</summary>
/// <typeparam name="T">The type of an argument.</typeparam>
/// <param name="obj">An argument.</param>
public delegate void Action<in T>(T obj);

/// <summary>A method that takes 2 arguments and returns nothing.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);

/// <summary>A method that takes 3 arguments and returns nothing.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
public delegate void Action<in T1, in T2, in T3>(T1 arg1, T2 arg2, T3 arg3);

/// <summary>A method that takes 4 arguments and returns nothing.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
public delegate void Action<in T1, in T2, in T3, in T4>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);

/// <summary>A method that takes 5 arguments and returns nothing.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <typeparam name="T5">The type of an argument.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
/// <param name="arg5">An argument.</param>
public delegate void Action<in T1, in T2, in T3, in T4, in T5>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);

/// <summary>A method that takes 6 arguments and returns nothing.</summary>
/// <typeparam name="T1">The type of an argument.</typeparam>
/// <typeparam name="T2">The type of an argument.</typeparam>
/// <typeparam name="T3">The type of an argument.</typeparam>
/// <typeparam name="T4">The type of an argument.</typeparam>
/// <typeparam name="T5">The type of an argument.</typeparam>
/// <typeparam name="T6">The type of an argument.</typeparam>
/// <param name="arg1">An argument.</param>
/// <param name="arg2">An argument.</param>
/// <param name="arg3">An argument.</param>
/// <param name="arg4">An argument.</param>
/// <param name="arg5">An argument.</param>
/// <param name="arg6">An argument.</param>
public delegate void Action<in T1, in T2, in T3, in T4, in T5, in T6>(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
